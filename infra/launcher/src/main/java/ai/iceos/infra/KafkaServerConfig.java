package ai.iceos.infra;

import java.nio.file.Path;

/** The {@code server.properties} of the single-node KRaft broker (INFRA-NOTES §2). */
final class KafkaServerConfig {
  private KafkaServerConfig() {}

  static String render(int port, int controllerPort, Path logDir) {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%3$s
        num.partitions=4
        auto.create.topics.enable=true
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        """
        .formatted(port, controllerPort, logDir.toAbsolutePath());
  }
}
