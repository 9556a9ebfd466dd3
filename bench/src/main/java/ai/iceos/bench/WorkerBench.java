package ai.iceos.bench;

import ai.iceos.contracts.blueprint.ToolNodeSpec;
import ai.iceos.contracts.messaging.NodeCompleted;
import ai.iceos.contracts.messaging.NodeOutcome;
import ai.iceos.contracts.messaging.NodeStarted;
import ai.iceos.contracts.messaging.NodeTask;
import ai.iceos.contracts.messaging.Topics;
import ai.iceos.contracts.messaging.serde.MessageSerializer;
import ai.iceos.contracts.messaging.serde.NodeOutcomeDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * node-worker alone (issue 8's node rate, the worker's share): no-op {@code constant} tool tasks
 * produced straight onto {@code iceos.node-tasks.v1}, outcomes read from {@code
 * iceos.node-outcomes.v1}. Run it against a system started with {@code --services node-worker}, so
 * no scheduler consumes the outcomes of these made-up executions. Prints a burst (N tasks at once:
 * tasks/s until the last {@code NodeCompleted}) and a paced run (latency produced → {@code
 * NodeCompleted} read, beside the worker's own start → end time: the completion's {@code
 * started_at}, or its {@code NodeStarted} from a worker that does not report it, to its {@code
 * occurred_at}).
 *
 * <p>{@code --kafka 127.0.0.1:29092}, {@code --burst 20000}, {@code --rate 1000}, {@code --seconds
 * 20}.
 */
public final class WorkerBench {
  private final String bootstrap;
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

  private WorkerBench(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  public static void main(String[] args) throws Exception {
    WorkerBench bench = new WorkerBench(Options.of(args, "--kafka", "127.0.0.1:29092"));
    int burst = Integer.parseInt(Options.of(args, "--burst", "20000"));
    int rate = Integer.parseInt(Options.of(args, "--rate", "1000"));
    int seconds = Integer.parseInt(Options.of(args, "--seconds", "20"));
    System.out.println("### node-worker alone: no-op tool tasks (" + Instant.now() + ")");
    System.out.println();
    SchedulerOffsets scheduler = SchedulerOffsets.before(bench.bootstrap);
    bench.run("warm-up", 2000, 0);
    Result burstResult = bench.run("burst", burst, 0);
    Result paced = bench.run("paced", rate * seconds, rate);
    scheduler.skipWhatTheBenchProduced();
    System.out.printf(
        "Burst: %d tasks produced at once, all completed after %.2f s → **%.0f tasks/s**"
            + " (one outcome message each from a worker that holds back NodeStarted,"
            + " decision 0104; two from an older one).%n%n",
        burst, burstResult.seconds(), burst / burstResult.seconds());
    System.out.printf(
        "Paced: %d tasks/s offered for %d s, %.0f tasks/s completed.%n%n",
        rate, seconds, rate * seconds / paced.seconds());
    System.out.println(LatencySample.markdownHeader());
    System.out.println(burstResult.endToEnd().markdownRow());
    System.out.println(paced.endToEnd().markdownRow());
    System.out.println(paced.inWorker().markdownRow());
  }

  private record Result(double seconds, LatencySample endToEnd, LatencySample inWorker) {}

  /**
   * The bench's outcomes belong to made-up executions; a scheduler started later on the same data
   * would have to read them all first. If the scheduler's group had read everything before the
   * bench and no scheduler is running, its offsets are moved past what the bench produced.
   */
  private record SchedulerOffsets(String bootstrap, boolean caughtUp) {
    private static final String GROUP = "scheduler-service";

    static SchedulerOffsets before(String bootstrap) throws Exception {
      try (Admin admin = admin(bootstrap)) {
        Map<TopicPartition, Long> ends = ends(admin);
        var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        boolean caughtUp =
            ends.entrySet().stream()
                .allMatch(
                    e -> {
                      var at = committed.get(e.getKey());
                      return (at == null ? 0 : at.offset()) == e.getValue();
                    });
        return new SchedulerOffsets(bootstrap, caughtUp);
      }
    }

    void skipWhatTheBenchProduced() throws Exception {
      try (Admin admin = admin(bootstrap)) {
        boolean running =
            !admin
                .describeConsumerGroups(List.of(GROUP))
                .all()
                .get()
                .get(GROUP)
                .members()
                .isEmpty();
        if (!caughtUp || running) {
          System.out.println(
              "(the scheduler-service group "
                  + (running ? "is running" : "had unread outcomes before the bench")
                  + ": its offsets were left alone; it will read the bench's outcomes)");
          return;
        }
        Map<TopicPartition, OffsetAndMetadata> past = new java.util.HashMap<>();
        ends(admin).forEach((tp, end) -> past.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(GROUP, past).all().get();
      }
    }

    private static Admin admin(String bootstrap) {
      return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      admin
          .describeTopics(List.of(Topics.NODE_OUTCOMES))
          .allTopicNames()
          .get()
          .get(Topics.NODE_OUTCOMES)
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(Topics.NODE_OUTCOMES, p.partition()),
                      OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new java.util.HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    }
  }

  /** Sends n tasks (all at once when rate is 0, else paced) and waits for every completion. */
  private Result run(String name, int n, int rate) throws Exception {
    sentAt.clear();
    startedAt.clear();
    String execution = "bench-worker-" + UUID.randomUUID();
    long[] endToEnd = new long[n];
    long[] inWorker = new long[n];
    try (var producer = new KafkaProducer<String, NodeTask>(producerProps());
        var consumer = new KafkaConsumer<String, NodeOutcome>(consumerProps())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.NODE_OUTCOMES).stream()
              .map(PartitionInfo::partition)
              .map(p -> new TopicPartition(Topics.NODE_OUTCOMES, p))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      ToolNodeSpec node = ToolNodeSpec.of("n", "constant", constantArgs());
      long begin = System.nanoTime();
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; i < n; i++) {
                      if (rate > 0) {
                        pace(begin, i, rate);
                      }
                      String nodeId = "n" + i;
                      String taskId = NodeTask.taskIdOf(execution, nodeId, 1);
                      NodeTask task =
                          new NodeTask(
                              UUID.randomUUID(),
                              taskId,
                              execution,
                              "bench",
                              nodeId,
                              1,
                              node,
                              IceosClient.JSON.createObjectNode(),
                              30_000,
                              Instant.now());
                      sentAt.put(taskId, System.nanoTime());
                      producer.send(new ProducerRecord<>(Topics.NODE_TASKS, taskId, task));
                    }
                    producer.flush();
                  });
      int done = 0;
      long deadline =
          System.nanoTime() + Duration.ofSeconds(120 + (rate > 0 ? n / rate : 0)).toNanos();
      while (done < n && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, NodeOutcome> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          switch (record.value()) {
            case NodeStarted s when s.executionId().equals(execution) ->
                startedAt.put(s.taskId(), s.occurredAt());
            case NodeCompleted c when c.executionId().equals(execution) -> {
              Long sent = sentAt.get(c.taskId());
              Instant started = c.startedAt() != null ? c.startedAt() : startedAt.get(c.taskId());
              if (sent != null && done < n) {
                endToEnd[done] = now - sent;
                inWorker[done] =
                    started == null
                        ? c.durationMs() * 1_000_000
                        : Duration.between(started, c.occurredAt()).toNanos();
                done++;
              }
            }
            default -> {}
          }
        }
      }
      sender.join();
      double seconds = (System.nanoTime() - begin) / 1e9;
      if (done < n) {
        System.out.printf("(%s: only %d of %d tasks completed in time)%n", name, done, n);
      }
      return new Result(
          seconds,
          new LatencySample(
              "task produced → NodeCompleted read, " + name,
              java.util.Arrays.copyOf(endToEnd, done)),
          new LatencySample(
              "start → NodeCompleted (in the worker), " + name,
              java.util.Arrays.copyOf(inWorker, done)));
    }
  }

  private static ObjectNode constantArgs() {
    ObjectNode args = IceosClient.JSON.createObjectNode();
    args.put("value", 1);
    return args;
  }

  private static void pace(long begin, int i, int rate) {
    long due = begin + (long) i * 1_000_000_000L / rate;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Properties producerProps() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, MessageSerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
    return props;
  }

  private Properties consumerProps() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, NodeOutcomeDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return props;
  }
}
