package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ambiseg.core.SampleGroups;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Test;

class ModeClusteringTest {

  private static final int SIZE = 32;

  @Test
  void findsTwoDiscsAndTheEmptyMasksAsThreeModes() {
    // sample order mixes the clusters: A at 0,2,3,5,7,9; B at 1,4,8; empty at 6
    Random random = new Random(2);
    List<float[]> maps = new ArrayList<>();
    String layout = "ABAABAEABA";
    for (char c : layout.toCharArray()) {
      double jx = random.nextDouble() - 0.5;
      double jy = random.nextDouble() - 0.5;
      switch (c) {
        case 'A' -> maps.add(Discs.disc(SIZE, 8 + jx, 8 + jy, 5 + jx / 2));
        case 'B' -> maps.add(Discs.disc(SIZE, 23 + jx, 22 + jy, 6 + jy / 2));
        default -> maps.add(new float[SIZE * SIZE]);
      }
    }
    Modes modes = ModeClustering.withDefaults().cluster(Discs.set(SIZE, maps));

    assertEquals(3, modes.size());
    assertEquals(10, modes.sampleCount());
    assertEquals(0.3, modes.threshold(), 0.0);
    assertEquals(List.of(0, 2, 3, 5, 7, 9), modes.get(0).members());
    assertEquals(List.of(1, 4, 8), modes.get(1).members());
    assertEquals(List.of(6), modes.get(2).members());
    assertEquals(0.6, modes.get(0).weight(), 1e-12);
    assertEquals(0.3, modes.get(1).weight(), 1e-12);
    assertEquals(0.1, modes.get(2).weight(), 1e-12);
    assertTrue(modes.get(0).members().contains(modes.get(0).representative()));
    assertTrue(modes.get(1).members().contains(modes.get(1).representative()));
    assertEquals(6, modes.get(2).representative());
    assertEquals("3 interpretations: 60 % / 30 % / 10 %", modes.describe());
    assertEquals(modes.get(0), modes.dominant());

    // mean maps: A's centre is foreground in all A samples, B's centre in none of them
    float[] meanA = modes.get(0).meanProbability();
    assertEquals(1.0, meanA[8 * SIZE + 8], 0.0);
    assertEquals(0.0, meanA[22 * SIZE + 23], 0.0);
    assertEquals(1.0, modes.get(1).meanProbability()[22 * SIZE + 23], 0.0);
    assertEquals(0.0, modes.get(2).meanProbability()[8 * SIZE + 8], 0.0);
  }

  @Test
  void anEstimatorsOwnGroupsAreTheModesWithTheirWeightsAndNumbers() {
    // five samples drawn from experts 2, 1, 2, 3, 2 (0-based 1, 0, 1, 2, 1); expert 4 drew none
    List<float[]> maps =
        List.of(
            Discs.disc(SIZE, 8, 8, 5),
            Discs.disc(SIZE, 23, 22, 6),
            Discs.disc(SIZE, 9, 8, 5),
            new float[SIZE * SIZE],
            Discs.disc(SIZE, 8, 9, 5));
    SampleSet plain = Discs.set(SIZE, maps);
    SampleGroups experts =
        new SampleGroups(new int[] {1, 0, 1, 2, 1}, new double[] {0.25, 0.6, 0.1, 0.05}, "expert");
    Modes modes = ModeClustering.withDefaults().modesOf(plain.withGroups(experts));

    assertEquals(3, modes.size(), "an expert no sample came from is left out");
    assertEquals(List.of(0, 2, 4), modes.get(0).members());
    assertEquals(List.of(1), modes.get(1).members());
    assertEquals(List.of(3), modes.get(2).members());
    assertEquals(0.6, modes.get(0).weight(), 0.0, "the gate's weight, not the sample fraction");
    assertEquals(0.25, modes.get(1).weight(), 0.0);
    assertEquals(List.of("expert 2", "expert 1", "expert 3"), modes.names());
    assertEquals("3 experts: 60 % / 25 % / 10 %", modes.describe());
    assertTrue(Double.isNaN(modes.threshold()));
    // the medoid of three near-identical discs: disc (8, 8) is between (9, 8) and (8, 9)
    assertEquals(0, modes.get(0).representative());

    // without groups the same samples are clustered
    Modes clustered = ModeClustering.withDefaults().modesOf(plain);
    assertEquals(ModeClustering.withDefaults().cluster(plain), clustered);
    assertEquals("mode 1", clustered.name(0));
    assertEquals("interpretation", clustered.noun());
  }

  @Test
  void groupsMustFitTheSampleSet() {
    SampleSet two = Discs.set(SIZE, List.of(new float[SIZE * SIZE], new float[SIZE * SIZE]));
    SampleGroups three = new SampleGroups(new int[] {0, 0, 1}, new double[] {0.5, 0.5}, "expert");
    assertThrows(IllegalArgumentException.class, () -> two.withGroups(three));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SampleGroups(new int[] {0, 2}, new double[] {0.5, 0.5}, "expert"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SampleGroups(new int[] {0}, new double[] {Double.NaN}, "expert"));
    int[] groupOf = {0, 1};
    SampleGroups g = new SampleGroups(groupOf, new double[] {0.5, 0.5}, "expert");
    groupOf[0] = 1;
    assertEquals(0, g.groupOf()[0], "the groups are copied");
    assertTrue(two.groups().isEmpty());
    assertEquals(g, two.withGroups(g).groups().orElseThrow());
  }

  @Test
  void theRepresentativeIsTheMedoid() {
    // three squares shifted by 0, 2 and 1 columns: the middle one is at distance 1 - 56/72 = 2/9
    // from both others, the outer two are 0.4 apart; {0, 2} merge first, then 1 joins at
    // (0.4 + 2/9) / 2 = 0.311
    List<float[]> maps = List.of(square(4, 4, 8), square(6, 4, 8), square(5, 4, 8));
    Modes modes = ModeClustering.withThreshold(0.35).cluster(Discs.set(SIZE, maps));
    assertEquals(2, ModeClustering.withDefaults().cluster(Discs.set(SIZE, maps)).size());
    assertEquals(1, modes.size());
    assertEquals(2, modes.dominant().representative());
    float[] mean = modes.dominant().meanProbability();
    assertEquals(1.0 / 3, mean[5 * SIZE + 4], 1e-6); // column 4: first square only
    assertEquals(1.0, mean[5 * SIZE + 7], 0.0); // column 7: all three
  }

  @Test
  void theThresholdDecidesWhetherShiftedSquaresMerge() {
    // 8x8 squares two columns apart: IoU = 48 / 80 = 0.6, distance 0.4
    List<float[]> maps = List.of(square(4, 4, 8), square(6, 4, 8));
    SampleSet set = Discs.set(SIZE, maps);
    assertEquals(2, ModeClustering.withThreshold(0.39).cluster(set).size());
    assertEquals(1, ModeClustering.withThreshold(0.41).cluster(set).size());
    assertEquals(2, ModeClustering.withDefaults().cluster(set).size());
    assertEquals(
        "2 interpretations: 50 % / 50 %", ModeClustering.withDefaults().cluster(set).describe());
    // a threshold of 1 merges even empty with non-empty masks
    SampleSet withEmpty = Discs.set(SIZE, List.of(square(4, 4, 8), new float[SIZE * SIZE]));
    assertEquals(2, ModeClustering.withThreshold(0.99).cluster(withEmpty).size());
    assertEquals(1, ModeClustering.withThreshold(1.0).cluster(withEmpty).size());
  }

  @Test
  void thresholdZeroSeparatesEveryDistinctMask() {
    List<float[]> maps =
        List.of(square(4, 4, 8), square(5, 4, 8), square(4, 4, 8), square(4, 4, 8));
    Modes modes = ModeClustering.withThreshold(0).cluster(Discs.set(SIZE, maps));
    assertEquals(2, modes.size());
    assertEquals(List.of(0, 2, 3), modes.get(0).members());
    assertEquals(0, modes.get(0).representative());
    assertEquals("2 interpretations: 75 % / 25 %", modes.describe());
  }

  @Test
  void allEmptySamplesAreOneMode() {
    List<float[]> maps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      float[] p = new float[SIZE * SIZE];
      p[i] = 0.4f; // soft but below 0.5: still an empty hard mask
      maps.add(p);
    }
    Modes modes = ModeClustering.withDefaults().cluster(Discs.set(SIZE, maps));
    assertEquals(1, modes.size());
    assertEquals(1.0, modes.dominant().weight(), 0.0);
    assertEquals(0, modes.dominant().representative());
    assertEquals(0.08f, modes.dominant().meanProbability()[0], 1e-7);
    assertEquals("1 interpretation: 100 %", modes.describe());
  }

  @Test
  void oneSampleAndIdenticalSamplesAreOneMode() {
    Modes single = ModeClustering.withDefaults().cluster(Discs.set(SIZE, List.of(square(2, 2, 5))));
    assertEquals(1, single.size());
    assertEquals(List.of(0), single.dominant().members());
    assertArrayEquals(square(2, 2, 5), single.dominant().meanProbability());

    List<float[]> same = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      same.add(square(2, 2, 5));
    }
    Modes identical = ModeClustering.withDefaults().cluster(Discs.set(SIZE, same));
    assertEquals(1, identical.size());
    assertEquals(7, identical.dominant().size());
    assertEquals(0, identical.dominant().representative());
  }

  @Test
  void equalWeightsAreOrderedByFirstMemberAndSmallWeightsShowAsBelowOnePercent() {
    List<float[]> maps = new ArrayList<>();
    maps.add(square(20, 20, 6)); // B first, one sample
    for (int i = 0; i < 200; i++) {
      maps.add(square(2, 2, 6));
    }
    maps.add(new float[SIZE * SIZE]); // one empty
    Modes modes = ModeClustering.withDefaults().cluster(Discs.set(SIZE, maps));
    assertEquals(3, modes.size());
    assertEquals(200, modes.get(0).size());
    assertEquals(List.of(0), modes.get(1).members());
    assertEquals(List.of(201), modes.get(2).members());
    assertEquals("3 interpretations: 99 % / <1 % / <1 %", modes.describe());
  }

  @Test
  void describeCountsTheModesPastTheFifth() {
    List<float[]> maps = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      maps.add(square(4 * i, 4 * i, 3)); // seven disjoint squares
    }
    Modes modes = ModeClustering.withDefaults().cluster(Discs.set(SIZE, maps));
    assertEquals(7, modes.size());
    assertEquals(
        "7 interpretations: 14 % / 14 % / 14 % / 14 % / 14 % / ... (2 more)", modes.describe());
  }

  @Test
  void rejectsThresholdsOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> ModeClustering.withThreshold(-0.1));
    assertThrows(IllegalArgumentException.class, () -> ModeClustering.withThreshold(1.5));
    assertThrows(IllegalArgumentException.class, () -> ModeClustering.withThreshold(Double.NaN));
  }

  @Test
  void clusteringIsDeterministic() {
    Random random = new Random(9);
    List<float[]> maps = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      maps.add(Discs.disc(SIZE, 10 + random.nextInt(12), 16, 3 + random.nextInt(5)));
    }
    SampleSet set = Discs.set(SIZE, maps);
    assertEquals(
        ModeClustering.withDefaults().cluster(set), ModeClustering.withDefaults().cluster(set));
  }

  /** A hard side x side square with its top-left corner at (x, y). */
  private static float[] square(int x, int y, int side) {
    float[] p = new float[SIZE * SIZE];
    for (int r = y; r < y + side; r++) {
      for (int c = x; c < x + side; c++) {
        p[r * SIZE + c] = 1f;
      }
    }
    return p;
  }
}
