package io.newsctl.index.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a researcher typed, understood as plain words, "quoted phrases", {@code -exclusions} and
 * {@code OR}. Nothing else is syntax: characters that mean something to Lucene or Elasticsearch
 * ({@code * ? : ( ) [ ] ^ ~ \ /}) are just text here, and the query is never handed to a query
 * string parser.
 *
 * @param required each element is a group of alternatives (OR); every group must match
 * @param excluded terms or phrases that must not occur
 */
public record UserQuery(List<List<Term>> required, List<Term> excluded) {
    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;

    /** A word or a phrase as typed. */
    public record Term(String text, boolean phrase) {
    }

    public UserQuery {
        required = required.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
    }

    public boolean isEmpty() {
        return required.isEmpty();
    }

    /** Parses user input; throws {@link InvalidQueryException} with a message fit for the user. */
    public static UserQuery parse(String input) {
        if (input == null || input.isBlank()) {
            return new UserQuery(List.of(), List.of());
        }
        if (input.length() > MAX_LENGTH) {
            throw new InvalidQueryException("query is longer than " + MAX_LENGTH + " characters");
        }
        List<Token> tokens = tokenize(input);
        List<List<Term>> required = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean joinWithPrevious = false;
        int terms = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.quoted && token.text.equals("OR")) {
                joinWithPrevious = !required.isEmpty() && i + 1 < tokens.size();
                continue;
            }
            if (++terms > MAX_TERMS) {
                throw new InvalidQueryException("query has more than " + MAX_TERMS + " terms");
            }
            Term term = new Term(token.text, token.quoted);
            if (token.negated) {
                excluded.add(term);
                joinWithPrevious = false;
            } else if (joinWithPrevious) {
                required.get(required.size() - 1).add(term);
                joinWithPrevious = false;
            } else {
                List<Term> group = new ArrayList<>();
                group.add(term);
                required.add(group);
            }
        }
        if (required.isEmpty() && !excluded.isEmpty()) {
            throw new InvalidQueryException("a query needs at least one word that is not excluded");
        }
        return new UserQuery(required, excluded);
    }

    private record Token(String text, boolean quoted, boolean negated) {
    }

    private static List<Token> tokenize(String input) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '－') && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1))) {
                negated = true;
                i++;
                c = input.charAt(i);
            }
            char close = closingQuote(c);
            if (close != 0) {
                int end = input.indexOf(close, i + 1);
                if (end < 0) {
                    end = n; // an unclosed quote runs to the end: forgiving, never an error
                }
                String phrase = input.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(phrase, true, negated));
                }
                i = Math.min(n, end + 1);
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(input.charAt(i)) && !Character.isSpaceChar(input.charAt(i))) {
                i++;
            }
            tokens.add(new Token(input.substring(start, i), false, negated));
        }
        return tokens;
    }

    private static char closingQuote(char c) {
        return switch (c) {
            case '"' -> '"';
            case '“' -> '”';
            case '「' -> '」';
            case '＂' -> '＂';
            default -> 0;
        };
    }
}
