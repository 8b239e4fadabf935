package org.precisionaid.web.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kinds of invalid input the input contract refuses, each applied to a valid body at a place a seed picks: the
 * same seed gives the same body, so a failure printed by jqwik can be replayed.
 */
enum Hostile {
    UNKNOWN_PROPERTY, NULL_IN_LIST, CONTROL_CHARACTER, NUMBER_OUT_OF_RANGE, WRONG_KIND, OVERLONG_TEXT, MALFORMED_CODE,
    NOT_JSON;

    /** Characters no text field accepts: C0 and C1 controls (not tab/newline), an unpaired surrogate, an override. */
    static final char[] FORBIDDEN = {'\u0000', '\u0007', '\u001b', '\u0008', '\r', '\u007f', '\u0085', '\u009b',
            '\ud800', '\udfff', '\u202e', '\u2066', '\uffff'};
    /** Numbers no field accepts: beyond a long, beyond any column, fractions finer than any column, and exponents. */
    static final String[] NUMBERS = {"1e400", "-1e400", "100000000000000000000", "12345678901234567890.5",
            "1.0E-9", "0.0000001", "9223372036854775808"};
    /** Codes broken as a caller breaks them: full-width digits, too short, too long, letters, a space inside. */
    static final String[] CODES = {"６５４２２４１０１２０１", "65422410120", "6542241012011", "65422410120A", "654224 101201",
            "654224101201\u0000", "'; drop table project; --"};
    static final String[] UNKNOWN = {"status", "projectNo", "id", "createdAt", "regionCod", "__proto__", "version2"};

    /** Where in the body the value was changed (a JSON path as the problem detail names it). */
    record Mutation(String body, String path) {
        Mutation {
            body = escapeSurrogates(body);
        }
    }

    /** An unpaired surrogate cannot be encoded in UTF-8: JSON carries it escaped, as a hostile caller sends it. */
    static String escapeSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The body changed by this kind at a place the seed picks; null when the body has no such place (no list, no
     * number): the property then tries another kind.
     */
    Mutation apply(ObjectNode valid, Random random, java.util.Set<String> codeFields) {
        ObjectNode body = valid.deepCopy();
        List<Place> places = new ArrayList<>();
        collect(body, "", places);
        switch (this) {
            case UNKNOWN_PROPERTY -> {
                List<Place> objects = places.stream().filter(p -> p.node().isObject()).toList();
                Place place = pick(objects, random);
                String name = UNKNOWN[random.nextInt(UNKNOWN.length)];
                ((ObjectNode) place.node()).put(name, random.nextBoolean() ? "x" : "1");
                return new Mutation(body.toString(), join(place.path(), name));
            }
            case NULL_IN_LIST -> {
                List<Place> lists = places.stream().filter(p -> p.node().isArray()).toList();
                if (lists.isEmpty()) {
                    return null;
                }
                Place place = pick(lists, random);
                ArrayNode list = (ArrayNode) place.node();
                int at = random.nextInt(list.size() + 1);
                list.insertNull(at);
                return new Mutation(body.toString(), place.path() + "[" + at + "]");
            }
            case CONTROL_CHARACTER, OVERLONG_TEXT -> {
                List<Place> texts = places.stream().filter(p -> p.node().isTextual()).toList();
                if (texts.isEmpty()) {
                    return null;
                }
                Place place = pick(texts, random);
                String text = place.node().asText();
                String changed;
                if (this == CONTROL_CHARACTER) {
                    int at = random.nextInt(text.length() + 1);
                    changed = text.substring(0, at) + FORBIDDEN[random.nextInt(FORBIDDEN.length)] + text.substring(at);
                } else {
                    changed = "长".repeat(5_000 + random.nextInt(5_000));
                }
                place.set(JsonNodeFactory.instance.textNode(changed));
                return new Mutation(body.toString(), place.path());
            }
            case NUMBER_OUT_OF_RANGE -> {
                List<Place> numbers = places.stream().filter(p -> p.node().isNumber()).toList();
                if (numbers.isEmpty()) {
                    return null;
                }
                Place place = pick(numbers, random);
                String marker = "\"__number__\"";
                place.set(JsonNodeFactory.instance.textNode("__number__"));
                return new Mutation(body.toString().replace(marker, NUMBERS[random.nextInt(NUMBERS.length)]), place.path());
            }
            case WRONG_KIND -> {
                List<Place> values = places.stream().filter(p -> !p.path().isEmpty()).toList();
                Place place = pick(values, random);
                JsonNode wrong = switch (random.nextInt(3)) {
                    case 0 -> JsonNodeFactory.instance.objectNode().put("a", 1);
                    case 1 -> place.node().isArray() ? JsonNodeFactory.instance.textNode("x")
                            : JsonNodeFactory.instance.arrayNode().add(1);
                    default -> place.node().isTextual() || place.node().isArray()
                            ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.textNode("abc");
                };
                place.set(wrong);
                return new Mutation(body.toString(), place.path());
            }
            case MALFORMED_CODE -> {
                List<Place> codes = places.stream().filter(p -> codeFields.contains(p.path().replaceAll("\\[\\d+]", "[]")))
                        .toList();
                if (codes.isEmpty()) {
                    return null;
                }
                Place place = pick(codes, random);
                place.set(JsonNodeFactory.instance.textNode(CODES[random.nextInt(CODES.length)]));
                return new Mutation(body.toString(), place.path());
            }
            case NOT_JSON -> {
                String text = body.toString();
                return new Mutation(switch (random.nextInt(4)) {
                    case 0 -> text.substring(0, random.nextInt(text.length()));
                    case 1 -> "[" + text + "]";
                    case 2 -> text + text;
                    default -> new String(bytes(random), java.nio.charset.StandardCharsets.ISO_8859_1);
                }, "body");
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /**
     * A query (a POST without a body) made invalid: one parameter's value broken as this kind breaks text, numbers or
     * codes. Unknown parameters are ignored by Spring, as for every GET; kinds without a query counterpart break a code.
     */
    static Mutation query(Hostile kind, ObjectNode valid, Random random) {
        ObjectNode query = valid.deepCopy();
        List<String> names = new ArrayList<>();
        query.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        String value = query.get(name).asText();
        String broken = switch (kind) {
            case CONTROL_CHARACTER -> value + FORBIDDEN[random.nextInt(FORBIDDEN.length)];
            case OVERLONG_TEXT -> "长".repeat(300 + random.nextInt(400)); // within the URL limit of the server (8 KB)
            case NUMBER_OUT_OF_RANGE -> NUMBERS[random.nextInt(NUMBERS.length)];
            case WRONG_KIND -> "{\"a\":1}";
            default -> CODES[random.nextInt(CODES.length)];
        };
        query.put(name, broken);
        return new Mutation(query.toString(), name);
    }

    static byte[] bytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Place pick(List<Place> places, Random random) {
        return places.get(random.nextInt(places.size()));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A node of the body with its path and how to replace it in its parent. */
    record Place(JsonNode node, String path, JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Place> places) {
        if (path.isEmpty()) {
            places.add(new Place(node, "", null, null, -1));
        }
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                String child = join(path, entry.getKey());
                places.add(new Place(entry.getValue(), child, node, entry.getKey(), -1));
                collect(entry.getValue(), child, places);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                places.add(new Place(node.get(i), child, node, null, i));
                collect(node.get(i), child, places);
            }
        }
    }
}
