package ai.iceos.bench;

import ai.iceos.contracts.messaging.RunEvent;
import ai.iceos.contracts.messaging.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the run-event topic from its current end on a background thread, as a subscriber of the
 * events would, and keeps every event per execution plus the local time its terminal event arrived.
 */
final class RunEventWatcher implements AutoCloseable {
  private final Map<String, List<RunEvent>> events = new ConcurrentHashMap<>();
  private final Map<String, Long> terminalAtNanos = new ConcurrentHashMap<>();
  private final KafkaConsumer<String, RunEvent> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  RunEventWatcher(String bootstrap) {
    consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-watch-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                50),
            new StringDeserializer(),
            new RunEventHeadDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.RUN_EVENTS).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    thread = new Thread(this::loop, "run-event-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      for (var record : consumer.poll(Duration.ofMillis(100))) {
        RunEvent event = record.value();
        if (event == null) {
          continue;
        }
        events
            .computeIfAbsent(
                event.executionId(),
                id -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
            .add(event);
        if (event.eventType().isTerminal()) {
          terminalAtNanos.putIfAbsent(event.executionId(), System.nanoTime());
        }
      }
    }
    consumer.close();
  }

  /** A copy of the events of an execution seen so far, in arrival order, without their data. */
  List<RunEvent> of(String executionId) {
    List<RunEvent> seen = events.getOrDefault(executionId, List.of());
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** When the execution's terminal event arrived ({@link System#nanoTime()}), or null. */
  Long terminalAt(String executionId) {
    return terminalAtNanos.get(executionId);
  }

  /** Waits until every execution has its terminal event or the timeout passes. */
  boolean awaitTerminal(List<String> executionIds, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (executionIds.stream().allMatch(terminalAtNanos::containsKey)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
