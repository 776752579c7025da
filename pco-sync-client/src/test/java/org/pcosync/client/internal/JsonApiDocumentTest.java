package org.pcosync.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class JsonApiDocumentTest {
  private final ObjectMapper mapper = new ObjectMapper();

  private JsonApiDocument parse(String json) throws Exception {
    return JsonApiDocument.parse(mapper.readTree(json));
  }

  @Test
  void linksKeepAnEmptyStringKeyAndSkipNullValues() throws Exception {
    JsonApiDocument doc = parse("{\"data\":{\"type\":\"Person\",\"id\":\"1\",\"links\":{\"\":\"https://x/1/\","
        + "\"self\":\"https://x/1\",\"inactive_reason\":null}}}");

    assertThat(doc.single().links()).containsExactly(
        java.util.Map.entry("", "https://x/1/"), java.util.Map.entry("self", "https://x/1"));
  }

  @Test
  void nextOffsetFallsBackToLinksNext() throws Exception {
    JsonApiDocument doc = parse("{\"data\":[],\"links\":{\"next\":\"https://x/people?offset=50&per_page=25\"}}");

    assertThat(doc.nextOffset()).isEqualTo(50);
  }

  @Test
  void nextOffsetIsNullOnTheLastPage() throws Exception {
    JsonApiDocument doc = parse("{\"data\":[],\"links\":{\"prev\":\"https://x/people?offset=0\"},\"meta\":{\"prev\":{\"offset\":0}}}");

    assertThat(doc.nextOffset()).isNull();
  }

  @Test
  void includedRecordsMissingFromTheDocumentAreSkipped() throws Exception {
    JsonApiDocument doc = parse("{\"data\":{\"type\":\"Person\",\"id\":\"1\",\"relationships\":{\"emails\":"
        + "{\"data\":[{\"type\":\"Email\",\"id\":\"2\"},{\"type\":\"Email\",\"id\":\"3\"}]}}},"
        + "\"included\":[{\"type\":\"Email\",\"id\":\"3\",\"attributes\":{}}]}");

    assertThat(doc.included(doc.single(), "emails")).extracting(JsonApiDocument.Resource::id).containsExactly("3");
  }

  @Test
  void documentWithoutDataIsRejected() {
    assertThatThrownBy(() -> parse("{\"meta\":{}}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void relationshipWithoutDataIsNotPresent() throws Exception {
    JsonApiDocument doc = parse("{\"data\":{\"type\":\"Person\",\"id\":\"1\",\"relationships\":{\"tags\":{\"links\":{}}}}}");

    assertThat(doc.single().relationship("tags").present()).isFalse();
    assertThat(doc.single().relationship("missing").present()).isFalse();
  }
}
