package org.ambiseg.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.app.gallery.GalleryViewModel;
import org.ambiseg.app.gallery.SampleTile;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TrainingDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The case session without a window: latest request wins, models switch on the model thread. */
class CaseSessionTest {

  private final AppExecutors executors = new AppExecutors();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Map<String, FakeEstimator> opened = new ConcurrentHashMap<>();
  private final List<SampleSet> published = new CopyOnWriteArrayList<>();
  private CaseSession session;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void shutDown() {
    executors.close();
  }

  private static ModelEntry entry(String name, int width, float mean) {
    TrainingDomain domain = new TrainingDomain(width, width, 1, mean, 0.05f, "test");
    ModelInfo info =
        ModelInfo.create(
            name, "probunet", new JsonObject(), Normalization.IDENTITY, domain, new JsonObject());
    return new ModelEntry(Path.of("models-under-test", name), name, "probunet", info);
  }

  private void create(List<ModelEntry> models, boolean holdFirst) throws Exception {
    session =
        fx(
            () -> {
              CaseSession s =
                  new CaseSession(
                      executors.model(),
                      (head, msg) -> problems.add(msg),
                      m ->
                          opened.computeIfAbsent(
                              m.name(), n -> new FakeEstimator(n, holdFirst && opened.isEmpty())),
                      models);
              s.samplesProperty()
                  .addListener(
                      (obs, old, now) -> {
                        if (now != null) {
                          published.add(now);
                        }
                      });
              return s;
            });
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private static void run(Runnable work) throws Exception {
    WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private void waitIdle() throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> !session.samplingProperty().get() && !session.loadingModelProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Case grey(String id, int size, float value) {
    float[] px = new float[size * size];
    java.util.Arrays.fill(px, value);
    return Case.of(id, Image2D.grey(size, size, px), List.of());
  }

  @Test
  void samplesTheCaseOnceTheModelIsLoaded() throws Exception {
    ModelEntry m = entry("a", 4, 0.5f);
    create(List.of(m), false);
    Case c = grey("c", 4, 0.5f);
    run(() -> session.showCase(c));
    assertNull(session.samplesProperty().get(), "no model yet");
    run(() -> session.openModel(m.dir()));
    waitIdle();
    SampleSet s = session.samplesProperty().get();
    assertEquals(16, s.size());
    assertEquals(0, s.seed());
    // sample 1, seed 0: pixel 2 -> (2 + 1 + 0) % 3 == 0 -> foreground; pixel 0 -> 1 % 3 -> not
    assertEquals(1f, s.probability(1)[2]);
    assertEquals(0f, s.probability(1)[0]);
    assertSame(m, session.modelProperty().get());
    assertEquals("", session.warningProperty().get());
    assertEquals(16, session.analysisProperty().get().modes().sampleCount());
  }

  @Test
  void anEstimatorsExpertsAreTheGallerysGroupsWithTheirWeights() throws Exception {
    ModelEntry m = entry("mose", 4, 0.5f);
    session =
        fx(
            () ->
                new CaseSession(
                    executors.model(),
                    (head, msg) -> problems.add(msg),
                    e -> new FakeEstimator(e.name(), false).withExperts(),
                    List.of(m)));
    GalleryViewModel gallery = fx(() -> new GalleryViewModel(session));
    run(() -> session.showCase(grey("c", 4, 0.5f)));
    run(() -> session.openModel(m.dir()));
    waitIdle();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> gallery.tiles().size() == 16);

    assertEquals("2 experts: 70 % / 30 %", gallery.modesTextProperty().get());
    // sorted by group: expert 2 (odd samples, weight 0.7) first, then expert 1 (even samples)
    List<SampleTile> tiles = gallery.tiles();
    assertEquals(1, tiles.get(0).sample());
    assertEquals("expert 2", tiles.get(0).modeName());
    assertEquals(15, tiles.get(7).sample());
    assertEquals(0, tiles.get(8).sample());
    assertEquals("expert 1", tiles.get(8).modeName());
  }

  @Test
  void latestCaseWinsAndStaleSamplesNeverLand() throws Exception {
    ModelEntry m = entry("a", 4, 0.5f);
    create(List.of(m), true);
    run(() -> session.openModel(m.dir()));
    waitModelLoaded();
    Case first = grey("first", 4, 0.5f);
    Case second = grey("second", 6, 0.5f);
    Case third = grey("third", 8, 0.5f);
    run(() -> session.showCase(first));
    assertTrue(opened.get("a").started.await(10, TimeUnit.SECONDS), "first sampling started");
    run(
        () -> {
          session.showCase(second); // queued behind first, superseded before it starts
          session.showCase(third);
        });
    opened.get("a").release();
    waitIdle();
    assertEquals(1, published.size(), "only the newest request is published: " + published);
    assertEquals(8, published.get(0).width());
    assertSame(third, session.caseProperty().get());
    assertEquals(
        List.of("sample 4 n=16 seed=0 on model", "sample 8 n=16 seed=0 on model"),
        opened.get("a").log,
        "the superseded second request is skipped, never run");
  }

  @Test
  void sampleCountAndSeedChangesResample() throws Exception {
    ModelEntry m = entry("a", 4, 0.5f);
    create(List.of(m), false);
    run(() -> session.openModel(m.dir()));
    run(() -> session.showCase(grey("c", 4, 0.5f)));
    waitIdle();
    run(() -> session.sampleCountProperty().set(8));
    waitIdle();
    assertEquals(8, session.samplesProperty().get().size());
    run(() -> session.resample());
    waitIdle();
    assertEquals(1, session.seedProperty().get());
    assertEquals(1, session.samplesProperty().get().seed());
    assertEquals(1f, session.samplesProperty().get().probability(0)[2], "(2 + 0 + 1) % 3 == 0");
  }

  @Test
  void switchingModelClosesTheOldOneOnTheModelThreadAfterItsWork() throws Exception {
    ModelEntry a = entry("a", 4, 0.5f);
    ModelEntry b = entry("b", 4, 0.5f);
    create(List.of(a, b), true);
    run(() -> session.openModel(a.dir()));
    waitModelLoaded();
    run(() -> session.showCase(grey("c", 4, 0.5f)));
    assertTrue(opened.get("a").started.await(10, TimeUnit.SECONDS));
    run(() -> session.openModel(b.dir()));
    opened.get("a").release();
    waitIdle();
    assertSame(b, session.modelProperty().get());
    assertEquals("b", session.samplesProperty().get().estimator());
    assertEquals(
        List.of("sample 4 n=16 seed=0 on model", "close on model"),
        opened.get("a").log,
        "the old estimator finishes its work, then closes on the model thread");
    assertEquals(List.of("sample 4 n=16 seed=0 on model"), opened.get("b").log);
    run(() -> session.close());
    assertEquals("close on model", opened.get("b").log.get(1));
  }

  @Test
  void imageOutsideTheDomainWarnsAndPrefersTheFittingModel() throws Exception {
    ModelEntry small = entry("small", 4, 0.5f);
    ModelEntry large = entry("large", 8, 0.5f);
    create(List.of(small, large), false);
    run(() -> session.openModel(small.dir()));
    waitModelLoaded();
    run(() -> session.showCase(grey("big", 8, 0.5f)));
    waitIdle();
    assertSame(large, session.modelProperty().get(), "the 8x8 model fits the 8x8 image");
    assertEquals("", session.warningProperty().get());

    run(() -> session.showCase(grey("bright", 8, 0.95f)));
    waitIdle();
    assertSame(large, session.modelProperty().get(), "no model fits better: keep the choice");
    assertTrue(
        session.warningProperty().get().startsWith("Outside the training domain of large"),
        session.warningProperty().get());
    assertTrue(session.warningProperty().get().contains("9.0 standard deviations"));
  }

  @Test
  void caseWithRatersIsScored() throws Exception {
    ModelEntry m = entry("a", 4, 0.5f);
    create(List.of(m), false);
    run(() -> session.openModel(m.dir()));
    boolean[] fg = new boolean[16];
    LabelMask rater = LabelMask.binary(4, 4, fg);
    Case c = Case.of("r", grey("x", 4, 0.5f).image(), List.of(rater, rater));
    run(() -> session.showCase(c));
    waitIdle();
    var scores = session.analysisProperty().get().scores().orElseThrow();
    assertEquals(2, scores.raterCount());
    assertEquals(16, scores.sampleCount());
    assertFalse(problems.iterator().hasNext());
  }

  private void waitModelLoaded() throws TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.modelProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
