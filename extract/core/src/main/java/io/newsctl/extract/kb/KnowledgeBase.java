package io.newsctl.extract.kb;

import io.newsctl.extract.text.Normalizer;
import io.newsctl.model.EntityType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The knowledge base the project ships under {@code /kb}: companies and organizations, the chip
 * catalog, chip model patterns, people, export-policy cues and metric cues (see {@code kb/README.md}).
 * Loaded once; immutable afterwards.
 */
public final class KnowledgeBase {
    public static final String ROOT = "/kb/";

    private final Map<String, Company> companies;
    private final Map<String, Chip> chips;
    private final List<Person> people;
    private final List<ChipPattern> chipPatterns;
    private final List<Cue> policyCues;
    private final List<Cue> metricCues;
    private final Map<String, Alias> aliases;
    private final String version;

    private KnowledgeBase(Map<String, Company> companies, Map<String, Chip> chips, List<Person> people,
                          List<ChipPattern> chipPatterns, List<Cue> policyCues, List<Cue> metricCues,
                          Map<String, Alias> aliases, String version) {
        this.companies = Collections.unmodifiableMap(companies);
        this.chips = Collections.unmodifiableMap(chips);
        this.people = List.copyOf(people);
        this.chipPatterns = List.copyOf(chipPatterns);
        this.policyCues = List.copyOf(policyCues);
        this.metricCues = List.copyOf(metricCues);
        this.aliases = Collections.unmodifiableMap(aliases);
        this.version = version;
    }

    /** Loads the knowledge base shipped on the classpath. */
    public static KnowledgeBase load() {
        MessageDigest digest = sha256();
        Map<String, Company> companies = new LinkedHashMap<>();
        for (Tsv.Row row : Tsv.read(ROOT + "companies.tsv", digest)) {
            Company c = company(row);
            if (companies.putIfAbsent(c.id(), c) != null) {
                throw row.error("duplicate company id " + c.id());
            }
        }
        Map<String, Chip> chips = new LinkedHashMap<>();
        for (Tsv.Row row : Tsv.read(ROOT + "chips.tsv", digest)) {
            Company vendor = companies.get(row.col(1));
            if (vendor == null) {
                throw row.error("unknown vendor " + row.col(1));
            }
            Chip chip = new Chip(row.col(0), vendor, row.col(2), row.list(3), row.col(4), row.col(5),
                    row.col(6).contains("weak"), row.col(6).contains("strong"));
            if (chips.putIfAbsent(chip.id(), chip) != null) {
                throw row.error("duplicate chip id " + chip.id());
            }
        }
        List<ChipPattern> patterns = new ArrayList<>();
        for (Tsv.Row row : Tsv.read(ROOT + "chip-patterns.tsv", digest)) {
            Company vendor = companies.get(row.col(0));
            if (vendor == null) {
                throw row.error("unknown vendor " + row.col(0));
            }
            Pattern model;
            try {
                model = Pattern.compile(row.cols()[2]); // not stripped: a leading " ?" is meaningful
            } catch (PatternSyntaxException e) {
                throw row.error("bad model pattern: " + e.getMessage());
            }
            for (String prefix : row.list(1)) {
                patterns.add(new ChipPattern(vendor, prefix, model, row.col(3), row.col(4)));
            }
        }
        List<Person> people = new ArrayList<>();
        for (Tsv.Row row : Tsv.read(ROOT + "people.tsv", digest)) {
            people.add(new Person(row.col(0), row.col(1), row.list(2), row.col(3)));
        }
        List<Cue> policy = new ArrayList<>();
        for (Tsv.Row row : Tsv.read(ROOT + "policy-cues.tsv", digest)) {
            policy.add(new Cue(row.col(0), row.col(2), Integer.parseInt(row.col(1)), row.col(2)));
        }
        List<Cue> metrics = new ArrayList<>();
        for (Tsv.Row row : Tsv.read(ROOT + "metrics.tsv", digest)) {
            metrics.add(new Cue(row.col(0), row.col(1), 0, row.col(2)));
        }
        Map<String, Alias> aliases = new AliasBuilder().build(companies.values(), chips.values(), people);
        String version = HexFormat.of().formatHex(digest.digest(), 0, 6);
        return new KnowledgeBase(companies, chips, people, patterns, policy, metrics, aliases, version);
    }

    private static Company company(Tsv.Row row) {
        EntityType type;
        try {
            type = EntityType.valueOf(row.col(1));
        } catch (IllegalArgumentException e) {
            throw row.error("bad type " + row.col(1));
        }
        if (type != EntityType.COMPANY && type != EntityType.ORGANIZATION) {
            throw row.error("type must be COMPANY or ORGANIZATION");
        }
        if (row.col(0).isEmpty() || row.col(2).isEmpty()) {
            throw row.error("id and canonical are required");
        }
        return new Company(row.col(0), type, row.col(2), row.list(3), row.list(4),
                row.col(5).contains("chipvendor"), row.col(6), row.col(7));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Company> companies() {
        return companies;
    }

    public Map<String, Chip> chips() {
        return chips;
    }

    public List<Person> people() {
        return people;
    }

    public List<ChipPattern> chipPatterns() {
        return chipPatterns;
    }

    public List<Cue> policyCues() {
        return policyCues;
    }

    public List<Cue> metricCues() {
        return metricCues;
    }

    /** Every alias by its key (normalised, ASCII lower-cased). */
    public Map<String, Alias> aliases() {
        return aliases;
    }

    /** First 12 hex digits of the SHA-256 of all knowledge-base files: changes whenever they change. */
    public String version() {
        return version;
    }

    public long count(EntityType type) {
        return companies.values().stream().filter(c -> c.type() == type).count();
    }

    /** Builds the alias table: variants, flags, collision checks. */
    private static final class AliasBuilder {
        private final Map<String, Alias> out = new LinkedHashMap<>();

        Map<String, Alias> build(Iterable<Company> companies, Iterable<Chip> chips, List<Person> people) {
            for (Company c : companies) {
                add(c.canonical(), Alias.Kind.COMPANY, c, false, false);
                for (String name : c.names()) {
                    add(name, Alias.Kind.COMPANY, c, false, false);
                }
                for (String ticker : c.tickers()) {
                    addTicker(ticker, c);
                }
            }
            for (Chip chip : chips) {
                add(chip.canonical(), Alias.Kind.CHIP, chip, chip.weak(), chip.strong());
                for (String name : chip.aliases()) {
                    add(name, Alias.Kind.CHIP, chip, chip.weak(), chip.strong());
                }
            }
            for (Person p : people) {
                add(p.canonical(), Alias.Kind.PERSON, p, false, false);
                for (String name : p.names()) {
                    add(name, Alias.Kind.PERSON, p, false, false);
                }
            }
            return out;
        }

        private void add(String listed, Alias.Kind kind, Object target, boolean weak, boolean strong) {
            int ambiguity = Alias.PLAIN;
            boolean exact = false;
            String name = listed;
            if (name.startsWith("~~")) {
                ambiguity = Alias.STRICT;
                name = name.substring(2);
            } else if (name.startsWith("~")) {
                ambiguity = Alias.AMBIGUOUS;
                name = name.substring(1);
            }
            if (name.startsWith("=")) {
                exact = true;
                name = name.substring(1);
            }
            String form = Normalizer.normalize(name);
            boolean autoWeak = kind == Alias.Kind.CHIP && !strong && SHORT_MODEL.matcher(form).matches();
            for (String variant : variants(form)) {
                put(variant, kind, target, exact, ambiguity, weak || autoWeak, false);
            }
        }

        private void addTicker(String ticker, Company c) {
            String t = ticker.toUpperCase(Locale.ROOT);
            int dot = t.indexOf('.');
            String code = dot < 0 ? t : t.substring(0, dot);
            String exchange = dot < 0 ? "" : t.substring(dot + 1);
            if (!exchange.isEmpty()) {
                put(t, Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
            }
            switch (exchange) {
                case "SH", "SZ", "BJ" -> {
                    put(exchange + code, Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
                    put(code, Alias.Kind.TICKER, c, true, Alias.PLAIN, false, true);
                }
                case "HK" -> {
                    String bare = code.replaceFirst("^0+", "");
                    for (String v : List.of(bare, pad(bare, 4), pad(bare, 5))) {
                        put(v + ".HK", Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
                        put(v, Alias.Kind.TICKER, c, true, Alias.PLAIN, false, true);
                    }
                }
                case "" -> {
                    put(code, Alias.Kind.TICKER, c, true, Alias.PLAIN, false, true);
                    put(code + ".US", Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
                    put(code + ".O", Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
                    put(code + ".N", Alias.Kind.COMPANY, c, true, Alias.PLAIN, false, true);
                }
                default -> put(code, Alias.Kind.TICKER, c, true, Alias.PLAIN, false, true);
            }
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
        }

        private void put(String form, Alias.Kind kind, Object target, boolean exact, int ambiguity, boolean weak,
                         boolean ticker) {
            String key = new String(Normalizer.foldCase(form));
            Alias existing = out.get(key);
            if (existing != null) {
                if (existing.target() != target) {
                    if (ticker || existing.kind() == Alias.Kind.TICKER) {
                        return; // a name wins over a ticker that spells the same (AMD)
                    }
                    throw new IllegalStateException("knowledge base: '" + form + "' names both "
                            + describe(existing.target()) + " and " + describe(target));
                }
                Set<String> exactForms = new LinkedHashSet<>(existing.exactForms());
                if (exact) {
                    exactForms.add(form);
                }
                Set<String> forms = new LinkedHashSet<>(existing.forms());
                forms.add(form);
                out.put(key, new Alias(key, existing.kind(), target, Set.copyOf(exactForms), Set.copyOf(forms),
                        Math.max(existing.ambiguity(), ambiguity), existing.weak() || weak));
                return;
            }
            out.put(key, new Alias(key, kind, target, exact ? Set.of(form) : Set.of(), Set.of(form), ambiguity,
                    weak));
        }

        private static String describe(Object target) {
            if (target instanceof Company c) {
                return "company " + c.id();
            }
            if (target instanceof Chip c) {
                return "chip " + c.id();
            }
            if (target instanceof Person p) {
                return "person " + p.id();
            }
            return String.valueOf(target);
        }

        /** "MTT S80" is also written MTTS80 and MTT-S80; "BI-V150" also BI V150. */
        private static Set<String> variants(String form) {
            Set<String> out = new LinkedHashSet<>();
            out.add(form);
            if (form.indexOf(' ') >= 0 || form.indexOf('-') >= 0) {
                boolean latinOnly = form.chars().allMatch(ch -> ch < 0x3000);
                out.add(form.replace(" ", "").replace("-", ""));
                out.add(form.replace('-', ' '));
                if (latinOnly || form.indexOf(' ') >= 0) {
                    out.add(form.replace(' ', '-'));
                }
            }
            return out;
        }
    }

    /** Catalog names shaped like H20, L4, MI308: trusted only with chip context nearby. */
    static final Pattern SHORT_MODEL = Pattern.compile("[A-Za-z]{1,2}\\d{1,4}[A-Za-z]?");

}
