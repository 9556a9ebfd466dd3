package ai.iceos.gateway.api;

import java.util.List;

/** The OpenAI model list: {@code {"object": "list", "data": [...]}}. */
public record ModelListView(String object, List<ModelView> data) {
  public ModelListView {
    data = List.copyOf(data);
  }
}
