package io.newsctl.extract.kb;

import java.util.List;

/** A person the knowledge base knows by name, e.g. {@code 黄仁勋}. */
public record Person(String id, String canonical, List<String> names, String role) {
}
