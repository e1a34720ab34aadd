package io.ticklake.bench.peers;

import io.ticklake.schemas.StockTick;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Live ticks at a fixed offered rate (as streams-app's {@code KpiBenchmark} produces them: round-robin over
 * the symbols, event time = the wall clock at send, strictly increasing per symbol, producer linger 1 ms),
 * each offered to the {@link LatencyProbes}.
 */
final class LiveTickLoad implements AutoCloseable {

    private final KafkaProducer<String, Object> producer;
    private final String topic;
    private final int rate;
    private final int symbols;
    private final LatencyProbes probes;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    LiveTickLoad(String bootstrap, String registry, String topic, int rate, int symbols, LatencyProbes probes) {
        this.producer = TickBacklog.producer(bootstrap, registry, 1);
        this.topic = topic;
        this.rate = rate;
        this.symbols = symbols;
        this.probes = probes;
        this.thread = new Thread(this::run, "live-ticks");
        this.thread.start();
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        producer.close();
    }

    private void run() {
        Random random = new Random(1);
        long[] lastEventTime = new long[symbols];
        // each symbol numbered upwards by one, as the contract's producers number their trades (a numbering
        // shared by all symbols leaves gaps in each, which the streams app's dedup keeps tick by tick)
        long[] sequences = new long[symbols];
        long start = System.nanoTime();
        while (running) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent.get() < due) {
                int symbol = (int) (sent.get() % symbols);
                long eventTime = Math.max(System.currentTimeMillis(), lastEventTime[symbol] + 1);
                lastEventTime[symbol] = eventTime;
                StockTick tick = TickBacklog.tick(symbol, 100 + random.nextGaussian(), eventTime, sequences[symbol]++, false);
                long sentNanos = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, tick.getSymbol(), tick));
                probes.sample(tick.getSymbol(), eventTime, sentNanos);
                sent.incrementAndGet();
            }
            LockSupport.parkNanos(200_000);
        }
        producer.flush();
    }
}
