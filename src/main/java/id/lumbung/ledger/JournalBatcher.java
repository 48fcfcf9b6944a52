package id.lumbung.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit: entries that stand alone (no business record commits with them) queue here and
 * are written many to a transaction by {@link BatchAppender}. A writer takes everything that
 * arrived while it was busy with the previous group, so groups grow with the load and a quiet
 * service writes groups of one: nothing is ever held back to wait for company. Fewer
 * transactions mean fewer commits, head locks and statements per entry, which is what lets
 * posting go past the rate of one transaction per entry.
 *
 * <p>Each LED belongs to one writer (by the hash of its id), so an LED's entries keep their order
 * and writers never contend for a journal head.
 */
@ApplicationScoped
public class JournalBatcher {

    private static final Logger LOG = Logger.getLogger(JournalBatcher.class);
    /** Queued last when a writer closes: everything before it is written, nothing comes after it. */
    private static final PendingAppend CLOSE = new PendingAppend(null, null, null, null, null);

    private final BatchAppender appender;
    private final List<Writer> writers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private final int maxEntries;

    public JournalBatcher(BatchAppender appender, LedgerConfig config, MeterRegistry registry) {
        this.appender = appender;
        this.maxEntries = config.groupCommit().maxEntries();
        this.groupSizes = DistributionSummary.builder("ledger.group.entries")
                .description("Entries written per group-commit transaction")
                .register(registry);
        for (int i = 0; i < config.groupCommit().writers(); i++) {
            writers.add(new Writer(i));
        }
    }

    /** Hands the entry to its LED's writer and waits for the outcome. */
    AppendOutcome append(PendingAppend pending) {
        Writer writer = writers.get(Math.floorMod(pending.ledId().hashCode(), writers.size()));
        if (!writer.offer(pending)) {
            return AppendOutcome.POST_ALONE;
        }
        return pending.outcome().join();
    }

    @PreDestroy
    void stop() {
        writers.forEach(Writer::close);
        for (Writer writer : writers) {
            try {
                writer.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One writer thread and its queue. */
    private final class Writer implements Runnable {

        private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private boolean closed;

        Writer(int index) {
            thread = Thread.ofPlatform().name("journal-writer-" + index).daemon().unstarted(this);
            thread.start();
        }

        /** False once closed: the caller then posts alone. */
        synchronized boolean offer(PendingAppend pending) {
            if (closed) {
                return false;
            }
            queue.add(pending);
            return true;
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                queue.add(CLOSE);
            }
        }

        @Override
        public void run() {
            List<PendingAppend> group = new ArrayList<>(maxEntries);
            while (true) {
                try {
                    group.add(queue.take());
                } catch (InterruptedException e) {
                    close(); // nothing interrupts a writer but the JVM going down: finish what is queued
                    continue;
                }
                queue.drainTo(group, maxEntries - 1);
                boolean closing = group.remove(CLOSE);
                if (group.isEmpty()) {
                    return;
                }
                groupSizes.record(group.size());
                try {
                    appender.write(group);
                } catch (RuntimeException | Error e) {
                    // write() decides every outcome itself; this only keeps a bug from stranding requests.
                    LOG.error("group commit failed unexpectedly; its entries are posted alone", e);
                    group.forEach(pending -> pending.outcome().complete(AppendOutcome.POST_ALONE));
                }
                group.clear();
                if (closing) {
                    return;
                }
            }
        }
    }
}
