package ai.iceos.scheduler.store;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.plan.ExecutionPlan;
import ai.iceos.scheduler.run.RunState;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * JSON of what the store keeps (run state, plans, outbox payloads). The iceOS settings, plus
 * decimals read as {@link java.math.BigDecimal} exactly as written, so a stored value (a cost, a
 * tool's number) comes back unchanged.
 *
 * <p>A run's state is written without its plan, which is stored once apart (decision 0150), and
 * read with the plan supplied; a state written by an earlier build still has its plan inside and
 * reads as before.
 */
final class StoreJson {
  private static final ObjectMapper MAPPER =
      IceosJson.configure(new ObjectMapper())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static final ObjectWriter STATE_WITHOUT_PLAN =
      MAPPER.copy().addMixIn(RunState.class, WithoutPlan.class).writerFor(RunState.class);

  private static final ObjectReader STATE = MAPPER.readerFor(RunState.class);

  private static final ObjectReader PLAN = MAPPER.readerFor(ExecutionPlan.class);

  private StoreJson() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
    }
  }

  /** The run's state without its plan (stored apart, {@link #writePlan}). */
  static String writeState(RunState state) {
    try {
      return STATE_WITHOUT_PLAN.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a run's state", e);
    }
  }

  /**
   * A run's state with {@code plan} as its plan, or with the plan the document itself holds (a
   * state written by an earlier build; {@code plan} may then be null).
   */
  static RunState readState(String json, ExecutionPlan plan) {
    try {
      ObjectReader reader =
          plan == null
              ? STATE
              : STATE.with(new InjectableValues.Std().addValue(RunState.PLAN, plan));
      return reader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored run's state", e);
    }
  }

  static String writePlan(ExecutionPlan plan) {
    return write(plan);
  }

  static ExecutionPlan readPlan(String json) {
    try {
      return PLAN.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a stored plan", e);
    }
  }

  /** Leaves the plan out of a written run state. */
  @JsonIgnoreProperties(RunState.PLAN)
  private abstract static class WithoutPlan {}
}
