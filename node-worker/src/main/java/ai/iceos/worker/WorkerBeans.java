package ai.iceos.worker;

import ai.iceos.worker.code.JsSandbox;
import ai.iceos.worker.http.AddressGuard;
import ai.iceos.worker.http.HttpLimits;
import ai.iceos.worker.http.OutboundHttp;
import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.seller.DataFiles;
import ai.iceos.worker.seller.Publisher;
import ai.iceos.worker.seller.PublishingSettings;
import ai.iceos.worker.template.TemplateRenderer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;

/** The pure helpers the worker shares, as beans (one instance each; all are thread-safe). */
final class WorkerBeans {
  @Produces
  @Singleton
  TemplateRenderer templateRenderer() {
    return new TemplateRenderer();
  }

  @Produces
  @Singleton
  SchemaValidator schemaValidator() {
    return new SchemaValidator();
  }

  @Produces
  @Singleton
  InstantSource instantSource() {
    return InstantSource.system();
  }

  @Produces
  @Singleton
  JsSandbox jsSandbox(WorkerConfig config) {
    return new JsSandbox(
        config.code().maxStatements(),
        config.code().maxOutputChars(),
        config.code().maxAllocatedBytes());
  }

  @Produces
  @Singleton
  DataFiles dataFiles(WorkerConfig config) {
    return new DataFiles(config.dataDir().orElse(null));
  }

  @Produces
  @Singleton
  OutboundHttp outboundHttp(WorkerConfig config) {
    WorkerConfig.Http http = config.http();
    return new OutboundHttp(
        new AddressGuard(http.allowedHosts().orElse(List.of())),
        new HttpLimits(http.timeout(), http.maxResponseBytes(), http.maxRedirects()));
  }

  @Produces
  @Singleton
  Publisher publisher(WorkerConfig config, OutboundHttp http) {
    WorkerConfig.Publishing publishing = config.publishing();
    return new Publisher(
        new PublishingSettings(
            publishing.dryRun(),
            publishing.marketplaceUrl().orElse(null),
            publishing.apiKeyEnv(),
            System::getenv,
            publishing.maxAttempts(),
            publishing.initialBackoff()),
        http);
  }
}
