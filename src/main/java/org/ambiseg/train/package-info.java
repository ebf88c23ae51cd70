/** The training engine: one loop, objectives (ELBO, GECO), listeners, checkpoints. */
package org.ambiseg.train;
