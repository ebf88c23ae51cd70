package org.ambiseg.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Window;
import org.ambiseg.app.cases.Roi;
import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files: JSON round trip, the written form, and refusal of bad files. */
class SessionJsonTest {

  @TempDir Path tmp;

  private SessionFile imageSession() {
    return new SessionFile(
        SessionFile.CaseRef.image(tmp.resolve("scans/nodule.png")),
        tmp.resolve("models/probunet-shapes"),
        "default",
        42,
        16,
        List.of(0.5, -1.25, 0.0),
        MapKind.MUTUAL_INFORMATION,
        new OverlayLook(OverlayStyle.FILL, 0x12AB34, 0.75),
        Optional.of(new Roi(200, 140, 128, 128)));
  }

  @Test
  void imageAndDatasetSessionsRoundTrip() throws Exception {
    Path file = tmp.resolve("a" + SessionJson.EXTENSION);
    SessionJson.write(file, imageSession());
    assertEquals(imageSession(), SessionJson.read(file));

    SessionFile inDataset =
        new SessionFile(
            SessionFile.CaseRef.datasetCase(tmp.resolve("lidc.zip"), "case-7"),
            tmp.resolve("m"),
            "tta",
            -3,
            1,
            List.of(),
            MapKind.MEAN,
            OverlayLook.defaults(),
            Optional.empty());
    SessionJson.write(file, inDataset);
    assertEquals(inDataset, SessionJson.read(file));
  }

  @Test
  void writtenFormIsTheDocumentedJson() throws Exception {
    Path file = tmp.resolve("b.ambiseg.json");
    SessionJson.write(file, imageSession());
    String text = Files.readString(file);
    assertTrue(text.contains("\"format\": \"ambiseg-session\""), text);
    assertTrue(text.contains("\"version\": 1"), text);
    assertTrue(text.contains("\"colour\": \"#12AB34\""), text);
    assertTrue(text.contains("\"map\": \"MUTUAL_INFORMATION\""), text);
    assertTrue(text.contains("\"samples\": 16"), text);
    assertTrue(text.replaceAll("\\s+", "").contains("\"region\":{\"x\":200,\"y\":140,"), text);
    assertTrue(text.endsWith("}\n"), text);
  }

  @Test
  void relativePathsAreTakenFromTheSessionsFolder() throws Exception {
    Path file = tmp.resolve("rel.ambiseg.json");
    Files.writeString(
        file,
        "{\"format\": \"ambiseg-session\", \"version\": 1,"
            + " \"case\": {\"dataset\": \"data/test\", \"id\": \"case-003\"},"
            + " \"model\": \"../models/x\", \"estimator\": \"default\", \"seed\": 0,"
            + " \"samples\": 8, \"latent\": [1, 2.5], \"map\": \"VARIANCE\","
            + " \"overlay\": {\"style\": \"OUTLINE\", \"colour\": \"#ff0000\", \"opacity\": 1}}");
    SessionFile s = SessionJson.read(file);
    assertEquals(tmp.resolve("data/test"), s.caseRef().dataset().orElseThrow());
    assertEquals("case-003", s.caseRef().caseId().orElseThrow());
    assertEquals(tmp.getParent().resolve("models/x"), s.modelDir());
    assertEquals(List.of(1.0, 2.5), s.latent());
    assertEquals(0xFF0000, s.overlay().rgb());
    assertEquals(Optional.empty(), s.region(), "a file without a region shows the case whole");
  }

  @Test
  void refusesOtherVersionsMissingFilesAndBrokenFields() throws Exception {
    Path file = tmp.resolve("v2.ambiseg.json");
    SessionJson.write(file, imageSession());
    String good = Files.readString(file);

    Files.writeString(file, good.replace("\"version\": 1", "\"version\": 2"));
    BadInputException v2 = assertThrows(BadInputException.class, () -> SessionJson.read(file));
    assertEquals(file.toString(), v2.source());
    assertEquals(
        file + ": session format version 2 is not supported (this AmbiSeg reads version 1)",
        v2.getMessage());

    Path missing = tmp.resolve("gone.ambiseg.json");
    BadInputException gone = assertThrows(BadInputException.class, () -> SessionJson.read(missing));
    assertEquals(missing + ": no such session file", gone.getMessage());

    assertRefused(file, good.replace("\"version\": 1,", ""), "field \"version\" is missing");
    assertRefused(file, good.replace("ambiseg-session", "other"), "not an AmbiSeg session file");
    assertRefused(file, "{not json", "not valid JSON");
    assertRefused(file, "[1, 2]", "expected a JSON object");
    assertRefused(file, good.replace("\"samples\": 16", "\"samples\": 0"), "at least 1");
    assertRefused(file, good.replace("\"samples\": 16", "\"samples\": 1.5"), "whole number");
    assertRefused(file, good.replace("MUTUAL_INFORMATION", "NOPE"), "field \"map\" is not one of");
    assertRefused(file, good.replace("#12AB34", "red"), "field \"colour\" is not #RRGGBB");
    assertRefused(file, good.replace("\"opacity\": 0.75", "\"opacity\": 2"), "opacity");
    assertRefused(file, good.replace("\"image\"", "\"picture\""), "\"case\" needs");
    assertRefused(file, good.replace("\"x\": 200", "\"x\": -1"), "x, y >= 0");
    assertRefused(file, good.replace("\"width\": 128", "\"width\": \"big\""), "is not a number");
  }

  @Test
  void saveAndOpenActionsUseTheChooserAndReportBadFiles() throws Exception {
    Path target = tmp.resolve("saved.ambiseg.json");
    AtomicReference<Path> choice = new AtomicReference<>(target);
    List<SessionFile> opened = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ExportFileChooser chooser = new FixedChooser(choice);
    SessionActions actions =
        new SessionActions(
            chooser,
            () -> null,
            () -> Optional.of(imageSession()),
            opened::add,
            (headline, message) -> problems.add(message));
    assertTrue(actions.saveAs());
    assertEquals(imageSession(), SessionJson.read(target));
    assertTrue(actions.openChosen());
    assertEquals(List.of(imageSession()), opened);

    Files.writeString(target, "{}");
    assertFalse(actions.openChosen());
    assertEquals(List.of(target + ": field \"format\" is missing"), problems);
    assertEquals(1, opened.size(), "nothing opened from a bad file");

    choice.set(null);
    assertFalse(actions.saveAs(), "cancelled chooser");
    assertEquals("Save session\u2026", actions.save().text());
  }

  private static void assertRefused(Path file, String content, String expected) throws IOException {
    Files.writeString(file, content);
    BadInputException e = assertThrows(BadInputException.class, () -> SessionJson.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  /** A chooser that answers every question with the test's path (or cancels when it is null). */
  record FixedChooser(AtomicReference<Path> choice) implements ExportFileChooser {

    @Override
    public Optional<Path> chooseSaveTarget(
        Window owner, ExportFileType type, String suggestedName) {
      return Optional.ofNullable(choice.get());
    }

    @Override
    public Optional<Path> chooseFileToOpen(Window owner, ExportFileType type) {
      return Optional.ofNullable(choice.get());
    }
  }
}
