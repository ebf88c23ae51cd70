package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.ambiseg.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resumable per-case results file. */
class ResultsLogTest {

  @TempDir Path tmp;

  @Test
  void aLineCutOffByAKillIsDroppedAndTheRestIsDone() throws Exception {
    Files.writeString(
        tmp.resolve(ResultsLog.FILE_NAME),
        "{\"index\":0,\"id\":\"a\"}\n{\"index\":2,\"id\":\"c\"}\n{\"index\":1,\"id\":");
    try (ResultsLog log = ResultsLog.open(tmp, true)) {
      assertEquals(Set.of(0, 2), log.done().keySet());
      JsonObject row = new JsonObject();
      row.addProperty("index", 1);
      log.append(row);
    }
    assertEquals(
        "{\"index\":0,\"id\":\"a\"}\n{\"index\":2,\"id\":\"c\"}\n{\"index\":1}\n",
        Files.readString(tmp.resolve(ResultsLog.FILE_NAME)));
  }

  @Test
  void aBrokenLineInTheMiddleIsBadInput() throws IOException {
    Files.writeString(tmp.resolve(ResultsLog.FILE_NAME), "garbage\n{\"index\":0}\n");
    BadInputException e = assertThrows(BadInputException.class, () -> ResultsLog.open(tmp, true));
    assertEquals(true, e.getMessage().contains("line 1 is not a case result"), e.getMessage());
  }

  @Test
  void anExistingFileNeedsResume() throws IOException {
    Files.writeString(tmp.resolve(ResultsLog.FILE_NAME), "{\"index\":0}\n");
    assertThrows(BadInputException.class, () -> ResultsLog.open(tmp, false));
  }
}
