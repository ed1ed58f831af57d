package io.newsctl.cli;

import io.newsctl.ingest.crawl.ArticleSink;
import io.newsctl.ingest.crawl.CrawlSettings;
import io.newsctl.ingest.crawl.CrawlState;
import io.newsctl.ingest.crawl.CrawlStateStore;
import io.newsctl.ingest.crawl.DedupIndex;
import io.newsctl.ingest.crawl.PageProcessor;
import io.newsctl.ingest.fetch.FetchSettings;
import io.newsctl.ingest.service.KafkaArticleSink;
import io.newsctl.ingest.warc.WarcImporter;
import io.newsctl.model.ModelJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl import FILE.warc[.gz]…}: archived pages through the crawler's page path (parse,
 * near-duplicate check against the crawl state, publish to {@code articles.raw}, record in
 * {@code crawl.state}); with {@code --stdout} the articles are printed as JSON lines instead.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import the HTML pages of WARC files (.warc, .warc.gz) as articles.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.warc[.gz]", description = "WARC files.")
    List<Path> files;

    @Option(names = "--source", defaultValue = "warc", description = "Source name recorded on the articles (default ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--profile", defaultValue = "auto", description = "Extraction profile (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--stdout", description = "Print the articles as JSON lines instead of publishing them (no Kafka needed).")
    boolean stdout;

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        CrawlSettings defaults = CrawlSettings.defaults();
        DedupIndex dedup = new DedupIndex(defaults.dedupMaxEntries(), defaults.dedupWindow());
        if (stdout) {
            ArticleSink print = a -> out.println(ModelJson.encodeToString(a));
            return run(new WarcImporter(new PageProcessor(dedup, print), null, FetchSettings.defaults().maxBodyBytes(),
                    source, profile), spec.commandLine().getErr());
        }
        kafka.ensureTopics();
        try (Producer<byte[], byte[]> producer = kafka.producer("newsctl-import");
             CrawlStateStore store = kafka.stateStore(producer)) {
            List<CrawlState> states = new ArrayList<>();
            store.load(states::add);
            dedup.restore(states, Instant.now());
            states.clear();
            return run(new WarcImporter(new PageProcessor(dedup, new KafkaArticleSink(producer)), store,
                    FetchSettings.defaults().maxBodyBytes(), source, profile), out);
        }
    }

    private int run(WarcImporter importer, PrintWriter report) throws Exception {
        int articles = 0;
        for (Path file : files) {
            WarcImporter.Report r = importer.importFile(file);
            articles += r.articles();
            report.printf("%s: %d responses, %d HTML pages, %d articles (%d reposts marked duplicateOf), %d skipped%n",
                    file, r.responses(), r.pages(), r.articles(), r.duplicates(), r.skipped());
            r.problems().forEach(p -> report.println("  skipped " + p));
        }
        report.flush();
        return articles > 0 ? 0 : 1;
    }
}
