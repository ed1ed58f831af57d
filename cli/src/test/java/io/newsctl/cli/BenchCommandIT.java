package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of {@code newsctl bench} with a handful of articles: its own embedded servers, the
 * four services, both baselines, every figure printed and every article accounted for. The real
 * run (thousands of articles) is the documented command in BENCHMARKS.md.
 */
class BenchCommandIT {

    @Test
    void benchRunsThePipelineAndPrintsEveryFigureWithNoArticleLost() {
        String output = CliRun.run("bench", "--articles", "60", "--warmup", "20", "--paced-seconds", "3",
                "--body-chars", "1500", "--client-compiler", "--rules", "../samples/rules",
                "--data-dir", "target/bench-e2e-it");

        assertTrue(output.contains("Documents in news-articles: 110 of 110 published" + System.lineSeparator()), output);
        assertPositive(output, "end to end \\(publish → all searchable\\): ([0-9.,]+) articles/s");
        assertPositive(output, "stage extract +([0-9.,]+) articles/s");
        // the other stages start on the first enriched record; with a few dozen articles they may
        // finish within one 0.1 s sample of it
        for (String stage : new String[] {"index", "alert"}) {
            assertTrue(Pattern.compile("stage " + stage + " +([0-9.,]+ articles/s|too quick to rate) \\(first input at")
                    .matcher(output).find(), stage + " in " + output);
        }
        assertPositive(output, "extract-only ([0-9.,]+) articles/s");
        assertPositive(output, "raw _bulk +([0-9.,]+) docs/s");
        Matcher latency = Pattern.compile("\\((\\d+) sent, (\\d+) never searchable\\): p50 (\\d+) ms.*p99 (\\d+) ms")
                .matcher(output);
        assertTrue(latency.find(), output);
        assertEquals(30, Integer.parseInt(latency.group(1)), output);
        assertEquals(0, Integer.parseInt(latency.group(2)), output);
        assertTrue(Integer.parseInt(latency.group(3)) <= Integer.parseInt(latency.group(4)), output);
        double jit = 0;
        for (String process : new String[] {"kafka", "elasticsearch", "ingest", "extract", "index", "alert"}) {
            Matcher line = Pattern.compile("(?m)^  " + process + " +\\d+ / +\\d+ MB +([0-9.]+) ms CPU \\(JIT ([0-9.]+)\\)$")
                    .matcher(output);
            assertTrue(line.find(), process + " RSS in " + output);
            double processJit = Double.parseDouble(line.group(2));
            assertTrue(processJit <= Double.parseDouble(line.group(1)), "JIT within the process's CPU: " + line.group());
            jit += processJit;
        }
        // 20 warm-up articles leave every JVM compiling: the compiler threads must be found and counted
        assertTrue(jit > 0, "JIT compiler CPU of the services in " + output);
        assertPositive(output, "of which JIT compilation ([0-9.]+) ms per article");
    }

    private static void assertPositive(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        assertTrue(matcher.find(), regex + " in " + output);
        assertTrue(Double.parseDouble(matcher.group(1).replace(",", "")) > 0, output);
    }
}
