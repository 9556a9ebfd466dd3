package ai.iceos.worker;

import ai.iceos.worker.schema.SchemaValidator;
import ai.iceos.worker.template.TemplateRenderer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

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
}
