package io.newsctl.extract.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the knowledge-base TSV files: UTF-8, one record a line, {@code #} comments, blank lines ignored. */
final class Tsv {
    /** One data line: its columns (missing trailing columns are empty) and where it came from. */
    record Row(String file, int line, String[] cols) {
        String col(int i) {
            return i < cols.length ? cols[i].strip() : "";
        }

        List<String> list(int i) {
            String value = col(i);
            if (value.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String part : value.split("\\|")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }

        IllegalStateException error(String message) {
            return new IllegalStateException(file + ":" + line + ": " + message + " in " + Arrays.toString(cols));
        }
    }

    private Tsv() {
    }

    static List<Row> read(String resource, MessageDigest digest) {
        InputStream in = Tsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("knowledge-base file missing from the classpath: " + resource);
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(new Row(resource, number, line.split("\t", -1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
