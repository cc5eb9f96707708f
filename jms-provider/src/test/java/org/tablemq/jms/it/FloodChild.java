package org.tablemq.jms.it;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child {@link ChildJvmIT} kills: prints the numbers 0, 1, 2, ... one a line as fast as it can, and after each
 * line has been handed to the stdout pipe records that number in a file (8 bytes at offset 0), so the parent knows
 * a number that was certainly written before the child died.
 * <p>
 * Arguments: the file.
 */
public final class FloodChild {

    private FloodChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (FileChannel written = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ByteBuffer number = ByteBuffer.allocate(Long.BYTES);
            for (long n = 0; ; n++) {
                out.println(n);
                out.flush();
                number.clear();
                number.putLong(0, n);
                written.write(number, 0);
            }
        }
    }
}
