package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Vigil;
import org.vigil.app.VigilConfig;

class DemoWorkspaceTest {
  @TempDir Path data;

  @Test
  void demoPrintsAnAddressAndALoginThatWorksAndANewPasswordEachRun() throws Exception {
    try (Vigil vigil = Vigil.open(new VigilConfig(data))) {
      String first = startAndSignIn(vigil);
      String second = startAndSignIn(vigil);
      assertThat(second).isNotEqualTo(first);
    }
  }

  private static String startAndSignIn(Vigil vigil) throws Exception {
    StringWriter text = new StringWriter();
    Javalin server = DemoCommand.startWorkspace(vigil, 0, new PrintWriter(text));
    try {
      Matcher open = Pattern.compile("open +(http://\\S+)").matcher(text.toString());
      Matcher login = Pattern.compile("sign in demo / (\\S+)").matcher(text.toString());
      assertThat(open.find()).as(text.toString()).isTrue();
      assertThat(login.find()).as(text.toString()).isTrue();
      // the password signs in: the service accepts it (the web sign-in is tested in web)
      assertThat(vigil.accounts().login("demo", login.group(1), "127.0.0.1").user().name())
          .isEqualTo("demo");
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(open.group(1) + "login")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      return login.group(1);
    } finally {
      server.stop();
    }
  }
}
