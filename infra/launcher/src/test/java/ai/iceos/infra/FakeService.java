package ai.iceos.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes {@link FakeServiceMain} as {@code <root>/<module>/target/quarkus-app/quarkus-run.jar}. */
final class FakeService {
  private FakeService() {}

  static void packageInto(Path projectRoot, Service service) throws IOException {
    Path jar = ServiceProcess.jarOf(projectRoot, service);
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeServiceMain.class.getName());
    String entry = FakeServiceMain.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classBytes = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
      out.putNextEntry(new JarEntry(entry));
      classBytes.transferTo(out);
      out.closeEntry();
    }
  }
}
