package ai.iceos.blueprint.execution;

import static org.assertj.core.api.Assertions.assertThat;

import ai.iceos.blueprint.execution.StartExecutionRequestReader.Read;
import ai.iceos.blueprint.execution.StartExecutionRequestReader.Unreadable;
import ai.iceos.contracts.blueprint.FailurePolicy;
import ai.iceos.contracts.blueprint.Violation;
import ai.iceos.contracts.json.IceosJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartExecutionRequestReaderTest {
  @Test
  void shouldReadAFullRequest() throws Exception {
    var reading =
        StartExecutionRequestReader.read(
            IceosJson.mapper()
                .readTree(
                    "{\"blueprint_id\":\"x\",\"version_lock\":\"l\",\"inputs\":{\"n\":1},"
                        + "\"options\":{\"max_parallel\":3,\"failure_policy\":\"halt_on_first_error\"},"
                        + "\"budget_usd\":1.5}"));

    assertThat(reading).isInstanceOf(Read.class);
    StartExecutionRequest request = ((Read) reading).request();
    assertThat(request.blueprintId()).isEqualTo("x");
    assertThat(request.versionLock()).isEqualTo("l");
    assertThat(request.inputs().path("n").asInt()).isEqualTo(1);
    assertThat(request.options().maxParallel()).isEqualTo(3);
    assertThat(request.options().failurePolicy()).isEqualTo(FailurePolicy.HALT_ON_FIRST_ERROR);
    assertThat(request.options().budgetUsd()).isEqualByComparingTo("1.5");
  }

  @Test
  void shouldPointAtEveryMissingOrWronglyTypedField() throws Exception {
    var reading =
        StartExecutionRequestReader.read(
            IceosJson.mapper()
                .readTree(
                    "{\"inputs\":[1],\"options\":{\"max_parallel\":0,\"failure_policy\":\"sometimes\"},"
                        + "\"budget_usd\":\"lots\",\"extra\":true}"));

    assertThat(reading).isInstanceOf(Unreadable.class);
    List<Violation> problems = ((Unreadable) reading).violations();
    assertThat(problems)
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder(
            "/blueprint_id",
            "/inputs",
            "/options/max_parallel",
            "/options/failure_policy",
            "/budget_usd",
            "/extra");
  }

  @Test
  void shouldRejectANonObjectBodyAtTheRoot() throws Exception {
    var reading = StartExecutionRequestReader.read(IceosJson.mapper().readTree("[]"));

    assertThat(((Unreadable) reading).violations())
        .extracting(Violation::pointer)
        .containsExactly("");
  }
}
