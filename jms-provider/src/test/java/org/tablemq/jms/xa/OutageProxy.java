package org.tablemq.jms.xa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards a local port to the database and can cut it: while {@link #stop() stopped} it breaks the open
 * connections and closes every new one at once, so the database "goes down" for the store without touching the
 * real server. The listening socket stays bound throughout, so {@link #start()} can never find its port taken.
 */
final class OutageProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    OutageProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread accept = new Thread(this::accept, "outage-proxy-" + server.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Breaks the open connections and refuses new ones. */
    void stop() {
        down = true;
        sockets.forEach(OutageProxy::closeQuietly);
        sockets.clear();
    }

    /** Forwards new connections again. */
    void start() {
        down = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket target = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target);
                pump(target, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // a cut connection ends the pump
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "outage-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a broken socket may fail; it is closed either way
        }
    }

    @Override
    public void close() {
        stop();
        closeQuietly(server);
    }
}
