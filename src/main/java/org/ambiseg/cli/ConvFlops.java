package org.ambiseg.cli;

import org.ambiseg.model.ProbUNetConfig;

/**
 * Convolution FLOPs of a Prob U-Net training step, counted analytically (2 FLOPs per multiply-add;
 * every 3x3 and 1x1 convolution of U-Net, prior, posterior and Fcomb; pooling, activations,
 * upsampling and the loss are left out as they are a small share). The backward pass costs twice
 * the forward (gradients of the input and of the weights), so a step is 3x the forward FLOPs.
 * Dividing by the step time gives the achieved rate to set against the machine's peak.
 */
final class ConvFlops {

  private ConvFlops() {}

  /** Convolution FLOPs of one training step (forward + backward) at batch b and size x size. */
  static double trainStep(ProbUNetConfig config, int batch, int size) {
    int[] ch = config.channels();
    double forward = 0;
    forward += encoder(ch, config.convsPerLevel(), config.inputChannels(), size); // U-Net encoder
    forward += decoder(ch, config.convsPerLevel(), size); // U-Net decoder
    forward += encoder(ch, config.convsPerLevel(), config.inputChannels(), size); // prior
    forward +=
        encoder(
            ch, config.convsPerLevel(), config.inputChannels() + config.numClasses(), size); // q
    double pixels = (double) size * size;
    int f = ch[0];
    double fcomb = (f + config.latentDim()) * f; // first 1x1 layer
    fcomb += (config.fcombLayers() - 1) * (double) f * f + (double) f * config.numClasses();
    forward += 2 * fcomb * pixels;
    return 3 * forward * batch;
  }

  /** Forward FLOPs of the encoder levels (3x3 convolutions) for one image. */
  private static double encoder(int[] ch, int convs, int in, int size) {
    double flops = 0;
    int c = in;
    for (int level = 0; level < ch.length; level++) {
      double pixels = Math.pow(size >> level, 2);
      for (int k = 0; k < convs; k++) {
        flops += 2.0 * 9 * c * ch[level] * pixels;
        c = ch[level];
      }
    }
    return flops;
  }

  /** Forward FLOPs of the decoder levels (3x3 convolutions on [upsampled, skip]) for one image. */
  private static double decoder(int[] ch, int convs, int size) {
    double flops = 0;
    for (int level = ch.length - 2; level >= 0; level--) {
      double pixels = Math.pow(size >> level, 2);
      int c = ch[level + 1] + ch[level];
      for (int k = 0; k < convs; k++) {
        flops += 2.0 * 9 * c * ch[level] * pixels;
        c = ch[level];
      }
    }
    return flops;
  }
}
