package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes per scale of the HPU-Net on a tiny configuration. */
class HpuNetShapeTest {

  private static final HpuNetConfig CFG = HpuNetConfig.HPUNET_TINY;

  @Test
  void trainingPassGivesLogitsAndOneKlPerScale() {
    try (HpuNetModel model = HpuNetModel.create(CFG, 3, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      int b = 2;
      NDArray image = m.randomUniform(0, 1, new Shape(b, 1, 16, 16));
      NDArray oneHot = m.zeros(new Shape(b, 2, 16, 16));
      List<NDArray> eps = new ArrayList<>();
      for (int s = 0; s < CFG.scales(); s++) {
        eps.add(m.randomNormal(model.block().latentShape(s, b, 16, 16)));
      }
      // scale 0 sits at the coarsest level (2x2 for 16x16 and 4 levels), scale 1 at 4x4
      assertEquals(new Shape(b, 1, 2, 2), eps.get(0).getShape());
      assertEquals(new Shape(b, 2, 4, 4), eps.get(1).getShape());
      HpuNet.TrainingOutput out =
          model.block().forwardTraining(model.parameterStore(), image, oneHot, eps, false);
      assertEquals(new Shape(b, 2, 16, 16), out.logits().getShape());
      assertEquals(CFG.scales(), out.klPerScale().size());
      for (NDArray kl : out.klPerScale()) {
        assertEquals(new Shape(b), kl.getShape());
        for (float v : kl.toFloatArray()) {
          assertTrue(v >= -1e-4 && Float.isFinite(v), "KL " + v);
        }
      }
      List<NDArray> encoder = model.block().encodePrior(model.parameterStore(), image);
      HierarchicalCore.Output p =
          model.block().priorLatents(model.parameterStore(), encoder, (s, mean, logSigma) -> mean);
      for (int s = 0; s < CFG.scales(); s++) {
        assertEquals(model.block().latentShape(s, b, 16, 16), p.means().get(s).getShape());
        assertEquals(p.means().get(s).getShape(), p.logSigmas().get(s).getShape());
      }
      NDArray sample =
          model.block().sample(model.parameterStore(), encoder, (s, mean, logSigma) -> mean);
      assertEquals(new Shape(b, 2, 16, 16), sample.getShape());
    }
  }

  @Test
  void priorAndPosteriorHaveSeparateWeightsOfTheSameStructure() {
    try (HpuNetModel model = HpuNetModel.create(CFG, 3, Device.cpu())) {
      var counts = model.parameterCounts();
      // the posterior's first convolutions see two more input channels (the one-hot mask)
      assertTrue(counts.get("posterior") > counts.get("prior"));
      assertEquals(
          counts.get("prior") + counts.get("posterior") + counts.get("stitching"),
          counts.get("total"));
    }
  }
}
