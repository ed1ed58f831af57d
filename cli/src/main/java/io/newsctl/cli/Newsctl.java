package io.newsctl.cli;

import io.newsctl.cli.annotate.AnnotateBenchCommand;
import io.newsctl.cli.annotate.AnnotateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The newsctl command line: the pipeline's cores, run in-process, plus the demo launcher. */
@Command(name = "newsctl",
        mixinStandardHelpOptions = true,
        versionProvider = Newsctl.Version.class,
        description = "Chinese tech-news pipeline: demo, extract, crawl, import, eval, annotate, reindex, bench, bench-index.",
        subcommands = {
                ExtractCommand.class,
                CrawlCommand.class,
                ImportCommand.class,
                DemoCommand.class,
                EvalCommand.class,
                AnnotateCommand.class,
                AnnotateBenchCommand.class,
                ReindexCommand.class,
                BenchCommand.class,
                IndexBenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newsctl {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Newsctl());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsctl: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Newsctl.class.getPackage().getImplementationVersion();
            return new String[] {"newsctl " + (version == null ? "development build" : version)};
        }
    }
}
