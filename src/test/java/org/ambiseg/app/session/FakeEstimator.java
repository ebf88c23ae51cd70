package org.ambiseg.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleGroups;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Capabilities;
import org.ambiseg.estimate.Estimator;

/**
 * A stand-in estimator for the session's threading tests: sample i of seed s marks pixel p as
 * foreground when (p + i + s) is divisible by 3; it logs every call with its thread, and can hold
 * its first call until released. Made {@link #withExperts}, it says sample i came from expert i %
 * 2, with weights 0.3 and 0.7 (as MoSE does for its experts).
 */
final class FakeEstimator implements Estimator {

  final String name;
  final List<String> log = new CopyOnWriteArrayList<>();
  final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release;
  private boolean experts;

  FakeEstimator(String name, boolean holdFirstCall) {
    this.name = name;
    this.release = new CountDownLatch(holdFirstCall ? 1 : 0);
  }

  /** This estimator, drawing its samples from two weighted experts from now on. */
  FakeEstimator withExperts() {
    experts = true;
    return this;
  }

  void release() {
    release.countDown();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(0, 0, false, "test");
  }

  @Override
  public SampleSet sample(Image2D image, int n, long seed) {
    log.add("sample " + image.width() + " n=" + n + " seed=" + seed + " on " + thread());
    started.countDown();
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int pixels = image.width() * image.height();
    List<float[]> maps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] p = new float[pixels];
      for (int k = 0; k < pixels; k++) {
        p[k] = (k + i + seed) % 3 == 0 ? 1f : 0f;
      }
      maps.add(p);
    }
    SampleSet set = SampleSet.of(image.width(), image.height(), maps, name, seed);
    if (!experts) {
      return set;
    }
    int[] expertOf = new int[n];
    for (int i = 0; i < n; i++) {
      expertOf[i] = i % 2;
    }
    return set.withGroups(new SampleGroups(expertOf, new double[] {0.3, 0.7}, "expert"));
  }

  @Override
  public void close() {
    log.add("close on " + thread());
  }

  private static String thread() {
    return Thread.currentThread().getName().startsWith("ambiseg-model") ? "model" : "other";
  }
}
