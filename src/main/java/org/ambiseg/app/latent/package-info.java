/**
 * The latent-space panel: sliders and a 2-D pad over a Prob U-Net's z, per-scale temperature and
 * fix-to-mean controls for an HPU-Net, with live, coalesced decoding on the model thread.
 */
package org.ambiseg.app.latent;
