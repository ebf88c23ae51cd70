package org.ambiseg.train;

import ai.djl.Device;
import java.util.SplittableRandom;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;

/** Throwaway timing of one training step per preset (not a test). */
public final class StepTiming {
  public static void main(String[] args) {
    for (String preset : args) {
      ProbUNetConfig cfg = ProbUNetConfig.preset(preset.split(":")[0]);
      int b = Integer.parseInt(preset.split(":")[1]);
      try (ProbUNetModel model = ProbUNetModel.create(cfg, 1234, Device.cpu());
          AdamOptimizer adam = AdamOptimizer.withDefaults(model.manager(), 0f)) {
        ProbUNetObjective obj = new ProbUNetObjective(model, new ElboLoss(1f), adam, 100);
        SplittableRandom r = new SplittableRandom(1);
        int hw = 128;
        float[] img = new float[b * hw * hw];
        byte[] mask = new byte[b * hw * hw];
        float[] eps = new float[b * cfg.latentDim()];
        for (int i = 0; i < img.length; i++) {
          img[i] = (float) r.nextDouble();
          mask[i] = (byte) r.nextInt(2);
        }
        for (int i = 0; i < eps.length; i++) eps[i] = (float) r.nextGaussian();
        TrainingBatch batch = new TrainingBatch(b, 1, hw, hw, img, mask, eps);
        for (int i = 0; i < 3; i++) obj.step(batch, 1e-4f);
        long t0 = System.nanoTime();
        int n = 6;
        StepResult res = null;
        for (int i = 0; i < n; i++) res = obj.step(batch, 1e-4f);
        System.out.printf(
            "%s batch %d: %.1f ms/step loss %.1f terms %s%n",
            preset, b, (System.nanoTime() - t0) / 1e6 / n, res.loss(), res.terms());
      }
    }
  }
}
