/** Rendering results to pictures: colour-mapped heatmaps, mask overlays and contact sheets. */
package org.ambiseg.io.render;
