package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.synth.SynthCaseGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The case browser's view-model without a window: opening with a corrupt case, search, stepping
 * (stops at the ends), the decoded case, errors and cancel.
 */
class CaseBrowserTest {

  @TempDir Path tmp;

  private final AppExecutors executors = new AppExecutors();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private CaseBrowser browser;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void shutDown() throws Exception {
    if (browser != null) {
      fx(
          () -> {
            browser.close();
            return null;
          });
    }
    executors.close();
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private void run(Runnable work) throws Exception {
    fx(
        () -> {
          work.run();
          return null;
        });
  }

  private void openAndWait(Path path) throws Exception {
    run(() -> browser.openDataset(path));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !browser.openingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitForCase(String id) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          var c = browser.selectedCaseProperty().get();
          return c != null && c.id().equals(id);
        });
  }

  private static String id(int i) {
    return SynthCaseGenerator.caseId(i);
  }

  private List<String> shownIds() throws Exception {
    return fx(() -> browser.cases().stream().map(CaseSummary::id).toList());
  }

  @Test
  void opensSkipsTheCorruptCaseSearchesAndSteps() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 6);
    Path bad = CaseFixtures.corruptImage(dir, id(4));
    CaseFixtures.blankRater(dir, id(3), 1);
    browser = fx(() -> new CaseBrowser(executors.io(), (h, m) -> problems.add(m)));

    openAndWait(dir);
    assertEquals(List.of(id(0), id(1), id(2), id(3), id(5)), shownIds());
    assertEquals(1, browser.skipped().size());
    assertTrue(browser.skipped().get(0).startsWith(bad + ": "), browser.skipped().get(0));
    assertEquals("train \u2014 5 cases, 1 skipped", browser.statusProperty().get());
    assertEquals(dir, browser.datasetPathProperty().get());
    assertEquals(id(0), browser.selectedProperty().get().id(), "the first case is selected");
    waitForCase(id(0));
    assertEquals(4, browser.selectedCaseProperty().get().raters().size());
    assertTrue(problems.isEmpty(), problems.toString());

    run(() -> browser.searchProperty().set("00003"));
    assertEquals(List.of(id(3)), shownIds());
    assertEquals(id(3), browser.selectedProperty().get().id(), "the first match is selected");
    assertEquals("4 raters, 3 outlined", browser.selectedProperty().get().ratersText());
    waitForCase(id(3));
    assertTrue(browser.selectedCaseProperty().get().raters().get(1).isEmpty());
    assertFalse(browser.hasNextProperty().get());
    run(browser::next);
    assertEquals(id(3), browser.selectedProperty().get().id(), "stops at the end");

    run(() -> browser.searchProperty().set("nothing like this"));
    assertEquals(List.of(), shownIds());
    assertEquals(id(3), browser.selectedProperty().get().id(), "no match: the case stays");
    assertEquals(-1, browser.positionProperty().get());

    run(() -> browser.searchProperty().set(""));
    assertEquals(3, browser.positionProperty().get());
    run(browser::next);
    assertEquals(id(5), browser.selectedProperty().get().id());
    assertFalse(browser.hasNextProperty().get());
    run(browser::next);
    assertEquals(id(5), browser.selectedProperty().get().id(), "no wrap-around at the end");
    for (int i = 0; i < 6; i++) {
      run(browser::previous);
    }
    assertEquals(id(0), browser.selectedProperty().get().id(), "no wrap-around at the start");
    assertFalse(browser.hasPreviousProperty().get());
    assertTrue(browser.hasNextProperty().get());
    waitForCase(id(0));
  }

  @Test
  void unreadableDatasetIsReportedAndThePreviousStaysOpen() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 2);
    browser = fx(() -> new CaseBrowser(executors.io(), (h, m) -> problems.add(m)));
    openAndWait(dir);
    Dataset open = browser.datasetProperty().get();

    Path missing = tmp.resolve("no-such.zip");
    openAndWait(missing);
    assertEquals(List.of(missing + ": does not exist"), problems);
    assertEquals("Could not open no-such.zip", browser.statusProperty().get());
    assertSame(open, browser.datasetProperty().get());
    assertEquals(List.of(id(0), id(1)), shownIds());
  }

  @Test
  void cancelKeepsThePreviousDataset() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 2);
    List<Runnable> queued = new ArrayList<>();
    browser = fx(() -> new CaseBrowser(queued::add, (h, m) -> problems.add(m)));
    run(() -> browser.openDataset(dir));
    assertTrue(browser.openingProperty().get());
    run(browser::cancelOpening);
    assertFalse(browser.openingProperty().get());
    assertEquals("Opening train cancelled", browser.statusProperty().get());
    queued.remove(0).run(); // the worker gets to it after the cancel: it does nothing
    WaitForAsyncUtils.waitForFxEvents();
    assertNull(browser.datasetProperty().get());
    assertEquals(List.of(), shownIds());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void listShowsAfterIndexingAndTheCheckFillsInCounts() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 3);
    Path bad = CaseFixtures.corruptImage(dir, id(1));
    List<Runnable> queued = new CopyOnWriteArrayList<>();
    browser = fx(() -> new CaseBrowser(queued::add, (h, m) -> problems.add(m)));
    run(() -> browser.openDataset(dir));
    queued.remove(0).run(); // index
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(id(0), id(1), id(2)), shownIds(), "listed before any pixel is read");
    assertEquals("? raters", browser.cases().get(1).ratersText());
    assertTrue(browser.openingProperty().get(), "still checking");
    assertEquals(id(0), browser.selectedProperty().get().id());
    assertEquals(2, queued.size(), "the first case's load, then the first chunk of the check");

    queued.remove(0).run(); // load case 0
    queued.remove(0).run(); // check: all three cases fit in one chunk
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(id(0), browser.selectedCaseProperty().get().id());
    assertEquals(List.of(id(0), id(2)), shownIds());
    assertEquals(4, browser.cases().get(1).raters(), "counted");
    assertEquals(1, browser.skipped().size());
    assertTrue(browser.skipped().get(0).startsWith(bad + ": "), browser.skipped().get(0));
    assertFalse(browser.openingProperty().get());
    assertEquals("train \u2014 2 cases, 1 skipped", browser.statusProperty().get());
    assertEquals(id(0), browser.selectedProperty().get().id());
    assertTrue(browser.selectedProperty().get().checked(), "the selection follows the counts");
    assertTrue(queued.isEmpty(), "no reload of the selected case");
  }

  @Test
  void cancellingTheCheckKeepsTheList() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 2);
    List<Runnable> queued = new CopyOnWriteArrayList<>();
    browser = fx(() -> new CaseBrowser(queued::add, (h, m) -> problems.add(m)));
    run(() -> browser.openDataset(dir));
    queued.remove(0).run(); // index
    WaitForAsyncUtils.waitForFxEvents();
    run(browser::cancelOpening);
    assertFalse(browser.openingProperty().get());
    assertEquals(
        "train \u2014 2 cases (check of the cases cancelled)", browser.statusProperty().get());
    for (Runnable r : queued) {
      r.run();
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(id(0), id(1)), shownIds());
    assertEquals("? raters", browser.cases().get(1).ratersText(), "no result after the cancel");
  }
}
