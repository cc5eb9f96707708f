package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.StoreException;

class GroupCommitterTest {

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    private final List<Thread> followers = new CopyOnWriteArrayList<>();
    private final List<String> committed = new CopyOnWriteArrayList<>();
    private volatile String loser;
    private ExecutorService threads;
    private Jdbc jdbc;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:group-" + System.nanoTime());
        jdbc = new Jdbc(ds, ds.getURL(), "ID");
        threads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private GroupCommitter<String> committer(boolean failSecondBatch) {
        return new GroupCommitter<>(jdbc, "write test items", 100, (c, batch, marker) -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                await().atMost(Duration.ofSeconds(30)).until(() -> firstBatchMayFinish.getCount() == 0);
            } else if (failSecondBatch) {
                throw new SQLException("disk full", "53100");
            } else if (loser != null && batch.contains(loser)) {
                throw new ClaimLostException("Cannot write test items: follower-3 lost its claim");
            }
        }, batch -> committed.addAll(batch));
    }

    /** Starts the first submission and waits until its batch is being written, so later ones must queue. */
    private List<Future<?>> submitWhileFirstBatchIsWriting(GroupCommitter<String> committer) {
        List<Future<?>> results = new ArrayList<>();
        results.add(threads.submit(() -> {
            committer.submit("first");
            return null;
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> batches.size() == 1);
        for (int i = 0; i < 7; i++) {
            String item = "follower-" + i;
            results.add(threads.submit(() -> {
                followers.add(Thread.currentThread());
                committer.submit(item);
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> followers.size() == 7
                && followers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        firstBatchMayFinish.countDown();
        return results;
    }

    @Test
    void callsQueuedWhileABatchCommitsShareTheNextTransaction() throws Exception {
        List<Future<?>> results = submitWhileFirstBatchIsWriting(committer(false));

        for (Future<?> f : results) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).hasSize(7).allSatisfy(item -> assertThat(item).startsWith("follower-"));
    }

    @Test
    void aBatchTakesNoMoreWorkThanItsWeightBoundAndAHeavierWorkRunsAlone() throws Exception {
        // followers weigh 10 each, "first" 40: more than the bound, so it must still run (alone)
        GroupCommitter<String> committer = committer(false).boundedBy(item -> item.equals("first") ? 40 : 10, 25);
        List<Future<?>> results = submitWhileFirstBatchIsWriting(committer);

        for (Future<?> f : results) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.subList(1, batches.size())).allSatisfy(b -> assertThat(b).hasSizeBetween(1, 2));
        assertThat(batches.subList(1, batches.size()).stream().mapToInt(List::size).sum()).isEqualTo(7);
    }

    @Test
    void aFailureOfOneCallersWorkFailsOnlyThatCallerAndTheOthersCommitAlone() throws Exception {
        loser = "follower-3";
        List<Future<?>> results = submitWhileFirstBatchIsWriting(committer(false));

        results.get(0).get(30, TimeUnit.SECONDS);
        for (Future<?> f : results.subList(1, results.size())) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ClaimLostException.class).hasMessageContaining("follower-3");
            }
        }
        assertThat(batches.get(1)).hasSize(7);
        assertThat(batches.subList(2, batches.size())).hasSize(7).allSatisfy(b -> assertThat(b).hasSize(1));
        assertThat(committed).hasSize(7).contains("first").doesNotContain("follower-3");
    }

    @Test
    void aFailedBatchFailsEveryCallInItWithTheCause() throws Exception {
        List<Future<?>> results = submitWhileFirstBatchIsWriting(committer(true));

        results.get(0).get(30, TimeUnit.SECONDS);
        for (Future<?> f : results.subList(1, results.size())) {
            assertThat(f).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(StoreException.class).withMessageContaining("53100")
                    .withRootCauseInstanceOf(SQLException.class);
        }
    }
}
