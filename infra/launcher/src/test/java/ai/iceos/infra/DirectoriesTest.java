package ai.iceos.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoriesTest {

  @Test
  void shouldReadTheOwnerPidFromAThrowAwayDirectoryName() {
    assertThat(Directories.ownerPid("iceos-kafka-4242-123456789")).contains(4242L);
    assertThat(Directories.ownerPid("iceos-pg-7-abc")).contains(7L);
    assertThat(Directories.ownerPid("embedded-pg")).isEmpty();
    assertThat(Directories.ownerPid("iceos-kafka-x-1")).isEmpty();
  }
}
