package dev.kindling.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** multipart/form-data as browsers and curl send it. */
class FormDataTest {
  private static Map<String, byte[]> parse(String contentType, String body) throws HttpError {
    return FormData.parse(contentType, body.getBytes(UTF_8));
  }

  @Test
  void twoFields_withFileNamesAndTypes_areReadByName() throws Exception {
    String body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"user-data\"; filename=\"u.yaml\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n#cloud-config\r\nhostname: a\r\n"
            + "\r\n--XyZ\r\ncontent-disposition: form-data; name=metadata\r\n\r\n{}\r\n--XyZ--\r\n";
    Map<String, byte[]> fields = parse("multipart/form-data; boundary=XyZ", body);
    assertThat(fields.keySet()).containsExactly("user-data", "metadata");
    assertThat(new String(fields.get("user-data"), UTF_8))
        .isEqualTo("#cloud-config\r\nhostname: a\r\n");
    assertThat(new String(fields.get("metadata"), UTF_8)).isEqualTo("{}");
  }

  @Test
  void quotedBoundary_preambleAndEmptyField_areAccepted() throws Exception {
    String body =
        "preamble\r\n--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--a b--";
    Map<String, byte[]> fields = parse("multipart/form-data; boundary=\"a b\"", body);
    assertThat(fields.get("x")).isEmpty();
  }

  @Test
  void malformedForms_are400() {
    String[][] cases = {
      {"multipart/form-data", "--b\r\n"},
      {"multipart/form-data; boundary=b", "no boundary here"},
      {
        "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx"
      },
      {"multipart/form-data; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"},
      {
        "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: attachment\r\n\r\nx\r\n--b--"
      },
      {"multipart/form-data; boundary=b", "--bX"},
      {
        "multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n"
            + "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n2\r\n--b--"
      },
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> parse(c[0], c[1]))
          .as(c[1])
          .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  @Test
  void manyEmptyParts_areRefusedPastTheFieldLimit() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= FormData.MAX_FIELDS; i++) {
      body.append("--b\r\nContent-Disposition: form-data; name=f").append(i).append("\r\n\r\n\r\n");
    }
    body.append("--b--");
    assertThatThrownBy(() -> parse("multipart/form-data; boundary=b", body.toString()))
        .hasMessageContaining("more than " + FormData.MAX_FIELDS);
  }
}
