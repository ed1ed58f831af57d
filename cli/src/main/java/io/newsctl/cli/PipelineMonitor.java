package io.newsctl.cli;

import io.newsctl.embedded.ProcessMemory;
import io.newsctl.model.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a burst of {@code n} articles go through the running pipeline: when each stage's
 * committed offsets reach the end of the burst, when the enriched topic got its first record of it,
 * when all of it is searchable, the largest resident memory of every process meanwhile, and the CPU
 * each process and the whole machine used. Sampled every {@code 100 ms} (Elasticsearch's count every
 * 200 ms), so times are ±0.1–0.2 s.
 */
final class PipelineMonitor {
    /** A stage's consumer group and the topic it reads. */
    record Stage(String name, String group, String topic) {
    }

    static final List<Stage> STAGES = List.of(new Stage("extract", "extract", Topics.RAW),
            new Stage("index", "index", Topics.ENRICHED), new Stage("alert", "alert", Topics.ENRICHED));

    /**
     * Seconds from the start of the burst: {@code firstInput} when the stage's first input record
     * of the burst existed, {@code done} when it had committed all {@code n}.
     */
    record StageTimes(double firstInput, double done) {
        double rate(int n) {
            return n / (done - firstInput);
        }
    }

    /** Where the burst starts from: offsets, CPU counters and the clock. */
    record Baseline(long startNanos, Map<String, Long> committed, long enrichedEnd, Map<String, Long> cpuMillis,
                    Map<String, Long> jitMillis, CpuTime.Machine machine) {
    }

    /**
     * @param cpuMillis   CPU each process used during the burst
     * @param jitMillis   of which its JIT compiler threads (JVM processes)
     * @param machineBusyCores average cores busy on the whole machine during the burst (all processes)
     */
    record Result(double searchableSeconds, Map<String, StageTimes> stages, Map<String, Long> maxRssKib,
                  Map<String, Long> cpuMillis, Map<String, Long> jitMillis, double windowSeconds,
                  double machineBusyCores) {
        /** Average cores the watched processes kept busy during the burst. */
        double watchedBusyCores() {
            return cpuMillis.values().stream().mapToLong(Long::longValue).sum() / 1000.0 / windowSeconds;
        }
    }

    private final KafkaGroups kafka;
    private final EsHttp elasticsearch;
    private final String alias;
    private final Map<String, Long> processes;

    /** @param processes name → pid, whose resident memory and CPU are sampled */
    PipelineMonitor(KafkaGroups kafka, EsHttp elasticsearch, String alias, Map<String, Long> processes) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.processes = new LinkedHashMap<>(processes);
    }

    /** Call just before the burst is published. */
    Baseline begin() {
        Map<String, Long> committed = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            committed.put(stage.name(), committed(stage));
        }
        long enrichedEnd = sum(kafka.endOffsets(Topics.ENRICHED));
        return new Baseline(System.nanoTime(), committed, enrichedEnd, cpuNow(), jitNow(), CpuTime.machine());
    }

    /**
     * Samples until {@code searchableTarget} documents are searchable and every stage committed
     * {@code n} more records than at {@code base}, or {@code timeoutSeconds} pass (then throws).
     */
    Result watch(Baseline base, int n, long searchableTarget, double timeoutSeconds) throws Exception {
        Map<String, Double> first = new LinkedHashMap<>();
        first.put("extract", 0.0); // its input is the burst itself
        Map<String, Double> done = new LinkedHashMap<>();
        Map<String, Long> maxRss = new LinkedHashMap<>();
        double searchable = -1;
        long lastCount = 0;
        for (int tick = 0; ; tick++) {
            double now = (System.nanoTime() - base.startNanos()) / 1e9;
            if (!first.containsKey("index") && sum(kafka.endOffsets(Topics.ENRICHED)) > base.enrichedEnd()) {
                first.put("index", now);
                first.put("alert", now);
            }
            for (Stage stage : STAGES) {
                if (!done.containsKey(stage.name()) && committed(stage) >= base.committed().get(stage.name()) + n) {
                    done.put(stage.name(), now);
                }
            }
            if (searchable < 0 && tick % 2 == 0) {
                lastCount = elasticsearch.count(alias);
                if (lastCount >= searchableTarget) {
                    searchable = now;
                }
            }
            rssKibNow().forEach((name, kib) -> maxRss.merge(name, kib, Math::max));
            if (searchable >= 0 && done.size() == STAGES.size()) {
                break;
            }
            if (now > timeoutSeconds) {
                throw new IllegalStateException(String.format("after %.0f s: %d of %d documents searchable, stages"
                        + " done: %s", now, lastCount, searchableTarget, done.keySet()));
            }
            Thread.sleep(100); // sampling interval; the loop is bounded by the timeout above
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpuNow().forEach((name, millis) -> cpu.put(name, millis - base.cpuMillis().getOrDefault(name, millis)));
        Map<String, Long> jit = new LinkedHashMap<>();
        jitNow().forEach((name, millis) -> jit.put(name, millis - base.jitMillis().getOrDefault(name, millis)));
        CpuTime.Machine machine = CpuTime.machine();
        double window = (System.nanoTime() - base.startNanos()) / 1e9;
        long perCoreTicks = (machine.total() - base.machine().total()) / Runtime.getRuntime().availableProcessors();
        double busyCores = perCoreTicks == 0 ? 0 : (machine.busy() - base.machine().busy()) / (double) perCoreTicks;
        Map<String, StageTimes> stages = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            stages.put(stage.name(), new StageTimes(first.get(stage.name()), done.get(stage.name())));
        }
        return new Result(searchable, stages, maxRss, cpu, jit, window, busyCores);
    }

    /** Resident memory of every watched process now (absent once a process has gone). */
    Map<String, Long> rssKibNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ProcessMemory.rssKib(pid).ifPresent(kib -> now.put(name, kib)));
        return now;
    }

    private Map<String, Long> cpuNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        processes.forEach((name, pid) -> CpuTime.processMillis(pid).ifPresent(ms -> now.put(name, ms)));
        return now;
    }

    private Map<String, Long> jitNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        processes.forEach((name, pid) -> CpuTime.jitCompilerMillis(pid).ifPresent(ms -> now.put(name, ms)));
        return now;
    }

    private long committed(Stage stage) {
        return sum(kafka.committed(stage.group(), stage.topic()));
    }

    private static long sum(Map<?, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
