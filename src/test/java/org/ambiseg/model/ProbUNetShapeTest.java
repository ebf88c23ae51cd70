package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks parameter counts against the PyTorch reference and the shapes of every output. */
class ProbUNetShapeTest {

  @Test
  void referenceConfigurationHasTheReferenceParameterCountsPartByPart() {
    try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, 1, Device.cpu())) {
      Map<String, Long> counts = model.parameterCounts();
      // shared/bench/README.md, "Expected parameter counts"
      assertEquals(1_367_820L, counts.get("prior"));
      assertEquals(1_368_396L, counts.get("posterior"));
      assertEquals(2_260_128L, counts.get("unet"));
      assertEquals(3_426L, counts.get("fcomb"));
      assertEquals(4_999_770L, counts.get("total"));
    }
  }

  @Test
  void trainingPassAndFactorisedDecodeHaveTheRightShapesAndAgree() {
    ProbUNetConfig cfg = ProbUNetConfig.PROBUNET_TINY;
    try (ProbUNetModel model = ProbUNetModel.create(cfg, 7, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      NDArray image = m.randomUniform(0, 1, new Shape(2, 1, 16, 16));
      NDArray oneHot = m.zeros(new Shape(2, 2, 16, 16));
      NDArray eps = m.randomNormal(new Shape(2, cfg.latentDim()));
      NDList out =
          model.block().forward(model.parameterStore(), new NDList(image, oneHot, eps), false);
      assertEquals(new Shape(2, 2, 16, 16), out.get(0).getShape());
      for (int i = 1; i < 5; i++) {
        assertEquals(new Shape(2, cfg.latentDim()), out.get(i).getShape());
      }
      ProbUNet.Encoding enc = model.block().encode(model.parameterStore(), image.get("0:1"));
      assertEquals(new Shape(1, cfg.featureChannels(), 16, 16), enc.features().getShape());
      NDArray z = m.randomNormal(new Shape(5, cfg.latentDim()));
      NDArray plain = model.block().decode(model.parameterStore(), enc.features(), z);
      NDArray projected = model.block().projectFeatures(model.parameterStore(), enc.features());
      NDArray fast = model.block().decodeProjected(model.parameterStore(), projected, z);
      assertEquals(new Shape(5, 2, 16, 16), fast.getShape());
      float[] a = plain.toFloatArray();
      float[] b = fast.toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-5f, "factorised fcomb differs at " + i);
      }
    }
  }

  @Test
  void sameSeedGivesSameWeights() {
    try (ProbUNetModel a = ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 3, Device.cpu());
        ProbUNetModel b = ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 3, Device.cpu())) {
      var pa = a.block().getParameters();
      var pb = b.block().getParameters();
      for (int i = 0; i < pa.size(); i++) {
        assertArrayEquals(
            pa.get(i).getValue().getArray().toFloatArray(),
            pb.get(i).getValue().getArray().toFloatArray());
      }
    }
  }
}
