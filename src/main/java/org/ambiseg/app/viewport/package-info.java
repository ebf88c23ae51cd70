/** Shared zoom and pan: one viewport model that several image views follow together. */
package org.ambiseg.app.viewport;
