// SPDX-License-Identifier: Apache-2.0
package dev.rime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A dataset RIME has never seen, made in the test from a seed: a numeric and a categorical feature,
 * a binary label and a prediction rounded to two decimals (so there are many ties), and the
 * evaluation AUC worked out independently by comparing every positive with every negative.
 */
final class GeneratedData {

  final Path ref;
  final Path eval;
  final double evalAuc;
  final double refAuc;

  private GeneratedData(Path ref, Path eval, double refAuc, double evalAuc) {
    this.ref = ref;
    this.eval = eval;
    this.refAuc = refAuc;
    this.evalAuc = evalAuc;
  }

  static GeneratedData write(Path dir, long seed, int rows) throws IOException {
    Random random = new Random(seed);
    Path ref = dir.resolve("ref.csv");
    Path eval = dir.resolve("eval.csv");
    double refAuc = writeOne(ref, random, rows, 0.0);
    double evalAuc = writeOne(eval, random, rows, 0.7);
    return new GeneratedData(ref, eval, refAuc, evalAuc);
  }

  /** Writes one file and answers its AUC by the pairwise definition (ties count one half). */
  private static double writeOne(Path file, Random random, int rows, double shift)
      throws IOException {
    String[] colours = {"red", "green", "blue", "amber"};
    List<String> lines = new ArrayList<>();
    lines.add("x1,colour,label,score");
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextGaussian() + shift;
      String colour = colours[random.nextInt(colours.length)];
      int label = random.nextDouble() < 1 / (1 + Math.exp(-(x1 - 0.3))) ? 1 : 0;
      double noisy = 1 / (1 + Math.exp(-(0.8 * x1 + random.nextGaussian())));
      double score = Math.round(noisy * 100) / 100.0;
      lines.add(String.format(Locale.ROOT, "%.6f,%s,%d,%.2f", x1, colour, label, score));
      (label == 1 ? pos : neg).add(score);
    }
    Files.write(file, lines);
    double wins = 0;
    for (double p : pos) {
      for (double n : neg) {
        wins += p > n ? 1.0 : p == n ? 0.5 : 0.0;
      }
    }
    return wins / ((double) pos.size() * neg.size());
  }

  /** A config for these files, with an extra data_info entry when given. */
  String config(String runName) {
    return "{\"run_name\": \""
        + runName
        + "\", \"data_info\": {\"label_col\": \"label\", \"pred_col\": \"score\", \"ref_path\": \""
        + ref.toAbsolutePath()
        + "\", \"eval_path\": \""
        + eval.toAbsolutePath()
        + "\"}}";
  }
}
