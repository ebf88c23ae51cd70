package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV export: RFC 4180 quoting, UTF-8 bytes, row length checks. */
class ExportCsvWriterTest {

  @TempDir Path dir;

  @Test
  void quotesOnlyWhatNeedsQuoting() {
    assertEquals("plain", CsvWriter.quote("plain"));
    assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
    assertEquals("\" padded \"", CsvWriter.quote(" padded "));
    assertEquals("", CsvWriter.quote(null));
    assertEquals("0.25", CsvWriter.quote(0.25));
    assertEquals("-1.0E-4", CsvWriter.quote(-1.0e-4));
  }

  @Test
  void writesHeaderAndRowsAsUtf8() throws Exception {
    Path file = dir.resolve("out/results.csv");
    CsvWriter.write(
        file,
        List.of("case", "dice", "note"),
        List.of(Arrays.asList("LIDC-0001", 0.5, "größer, µm"), Arrays.asList("b", 1, null)));
    String expected = "case,dice,note\nLIDC-0001,0.5,\"größer, µm\"\nb,1,\n";
    assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(file);
    assertEquals('c', bytes[0]); // no byte-order mark
  }

  @Test
  void refusesRowsOfTheWrongLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CsvWriter.toCsv(List.of("a", "b"), List.of(List.of("1"))));
    assertEquals("row 0 has 1 fields, the header has 2 [a, b]", e.getMessage());
  }
}
