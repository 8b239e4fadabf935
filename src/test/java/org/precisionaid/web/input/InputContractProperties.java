package org.precisionaid.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.web.input.BodyEndpoints.Call;
import org.precisionaid.web.input.BodyEndpoints.Endpoint;
import org.precisionaid.web.input.BodyEndpoints.Fixtures;
import org.precisionaid.web.input.BodyEndpoints.Kind;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

/**
 * The input contract, as properties over every body endpoint (issue #27): a valid body is accepted; a body made
 * invalid in any of the {@link Hostile} ways gets a 4xx problem detail (a 400 names the field) and changes nothing —
 * every table's row count and every sequence are compared before and after; no input gives a 5xx.
 * <p>
 * jqwik runs beside JUnit Jupiter and has no Spring extension of its own: the application context is the one every
 * {@code @IntegrationTest} shares, taken from Spring's context cache through a {@link TestContextManager}, so this
 * class costs no context of its own. jqwik prints the seed of a failing property; {@code @Property(seed = "...")}
 * replays it.
 */
@IntegrationTest
class InputContractProperties {

    static ApplicationContext context;
    static TestRestTemplate rest;
    static JdbcTemplate jdbc;
    static ObjectMapper json;
    static Fixtures fixtures;
    static final Map<String, Call> BASES = new ConcurrentHashMap<>();

    @BeforeContainer
    static void context() {
        context = new TestContextManager(InputContractProperties.class).getTestContext().getApplicationContext();
        rest = context.getBean(TestRestTemplate.class);
        jdbc = context.getBean(JdbcTemplate.class);
        json = context.getBean(ObjectMapper.class);
        fixtures = new Fixtures(context);
    }

    /** Endpoints that read a JSON body or a query. */
    @Provide
    Arbitrary<Endpoint> endpoints() {
        return Arbitraries.of(BodyEndpoints.all().stream()
                .filter(e -> e.kind() == Kind.JSON || e.kind() == Kind.QUERY).toList());
    }

    @Provide
    Arbitrary<Endpoint> files() {
        return Arbitraries.of(BodyEndpoints.all().stream()
                .filter(e -> e.kind() == Kind.CSV || e.kind() == Kind.MULTIPART).toList());
    }

    @Property(tries = 480, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void anInvalidBodyIsRefusedByFieldAndChangesNothing(@ForAll("endpoints") Endpoint endpoint,
            @ForAll Hostile kind, @ForAll long seed) {
        Call base = BASES.computeIfAbsent(endpoint.key(), key -> endpoint.base().apply(fixtures));
        Random random = new Random(seed);
        Hostile.Mutation mutation = endpoint.kind() == Kind.QUERY ? Hostile.query(kind, base.body(), random)
                : kind.apply(base.body(), random, endpoint.codeFields());
        if (mutation == null) {
            mutation = Hostile.UNKNOWN_PROPERTY.apply(base.body(), random, endpoint.codeFields());
        }
        Map<String, Long> before = snapshot();
        ResponseEntity<String> response = send(endpoint, base.path(), mutation.body());
        String what = endpoint + " with " + kind + " at " + mutation.path() + " answered " + response.getStatusCode()
                + " " + response.getBody() + "\nbody: " + abbreviate(mutation.body());
        assertThat(response.getStatusCode().is4xxClientError()).as(what).isTrue();
        assertThat(response.getHeaders().getContentType()).as(what).isNotNull();
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType()))
                .as(what).isTrue();
        JsonNode problem = read(response.getBody());
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        if (response.getStatusCode().value() == 400) {
            assertThat(problem.path("errors").isObject() && problem.path("errors").size() > 0)
                    .as("a 400 names the field: " + what).isTrue();
        }
        assertThat(snapshot()).as("nothing written: " + what).isEqualTo(before);
    }

    /** Each try sends a valid call, with the try's generated text in its free-text fields, to every endpoint. */
    @Property(tries = 3, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void aValidBodyIsAccepted(@ForAll("validText") String text) {
        for (Endpoint endpoint : BodyEndpoints.all()) {
            if (endpoint.valid() == null) {
                continue;
            }
            Call call = endpoint.valid().apply(fixtures);
            withText(call.body(), "", BodyEndpoints.TEXT_FIELDS.getOrDefault(endpoint.key(), java.util.Set.of()), text);
            ResponseEntity<String> response = send(endpoint, call.path(), call.body().toString());
            assertThat(response.getStatusCode().is2xxSuccessful())
                    .as(endpoint + " answered " + response.getStatusCode() + " " + response.getBody()
                            + "\nbody: " + abbreviate(call.body().toString())).isTrue();
        }
    }

    /**
     * Text a person writes: Chinese, Uyghur, Latin letters, digits, the usual punctuation, spaces at either end (which
     * are trimmed), 1 to 12 characters — appended to each free-text field, so unique names stay unique.
     */
    @Provide
    Arbitrary<String> validText() {
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.chars().range('\u4e00', '\u9fa5'),
                Arbitraries.chars().range('\u0626', '\u064a'), Arbitraries.chars().alpha(), Arbitraries.chars().numeric(),
                Arbitraries.of('·', '-', '(', ')', '/', '，', '。', ' ', '\'', '"', '<', '&'));
        return chars.list().ofMinSize(1).ofMaxSize(12)
                .map(list -> " " + list.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining()) + " ");
    }

    /** Appends the text to every string at the given paths. */
    private static void withText(com.fasterxml.jackson.databind.JsonNode node, String path, java.util.Set<String> fields,
            String text) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (object.get(name).isTextual() && fields.contains(child)) {
                    object.put(name, object.get(name).asText() + text);
                } else {
                    withText(object.get(name), child, fields, text);
                }
            }
        } else if (node != null && node.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode element : node) {
                withText(element, path + "[]", fields, text);
            }
        }
    }

    /**
     * Any file, as random bytes or a valid file cut short, is refused with a 4xx problem detail naming what is wrong,
     * and nothing is imported (the zip-bomb and size guards have tests of their own: ZipUploadGuardTest).
     */
    @Property(tries = 16, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void garbageFilesAreRefused(@ForAll("files") Endpoint endpoint, @ForAll long seed) {
        Call base = BASES.computeIfAbsent(endpoint.key(), key -> endpoint.base().apply(fixtures));
        byte[] garbage = Hostile.bytes(new Random(seed));
        Map<String, Long> before = snapshot();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        HttpEntity<?> request;
        if (endpoint.kind() == Kind.CSV) {
            headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
            request = new HttpEntity<>(garbage, headers);
        } else {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
            parts.add("file", new org.springframework.core.io.ByteArrayResource(garbage) {
                @Override
                public String getFilename() {
                    return "households.xlsx";
                }
            });
            request = new HttpEntity<>(parts, headers);
        }
        ResponseEntity<String> response = client(endpoint, base.path()).exchange(base.path(),
                HttpMethod.valueOf(endpoint.method()), request, String.class);
        String what = endpoint + " with " + garbage.length + " random bytes answered " + response.getStatusCode() + " "
                + response.getBody();
        assertThat(response.getStatusCode().is4xxClientError()).as(what).isTrue();
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType()))
                .as(what).isTrue();
        assertThat(snapshot()).as("nothing written: " + what).isEqualTo(before);
    }

    /** Every GET of ours, from Spring's own mappings (so a new one is covered without being listed). */
    @Provide
    Arbitrary<Read> reads() {
        org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings = context.getBean(
                "requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
        List<Read> reads = new java.util.ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                return;
            }
            for (String pattern : InputContractCoverageTest.patterns(info)) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/public/")) {
                    List<String> parameters = java.util.Arrays.stream(method.getMethodParameters())
                            .map(p -> p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class)
                                    == null ? null : (p.getParameterAnnotation(
                                    org.springframework.web.bind.annotation.RequestParam.class).name().isEmpty()
                                    ? p.getParameterName() : p.getParameterAnnotation(
                                    org.springframework.web.bind.annotation.RequestParam.class).name()))
                            .filter(java.util.Objects::nonNull).toList();
                    reads.add(new Read(pattern, parameters));
                }
            }
        });
        return Arbitraries.of(reads);
    }

    /** A GET endpoint with the query parameters its handler reads. */
    record Read(String pattern, List<String> parameters) {
        @Override
        public String toString() {
            return "GET " + pattern + " " + parameters;
        }
    }

    /** Values a caller may put into a path or a query: plausible ones and broken ones. */
    static final List<String> READ_VALUES = List.of("654224000000", "654224101201", "2026", "0", "-1", "1",
            "SQ-2026-654224101201-000001", "XM-2026-654224-0001", "pdf", "xlsx", "distribution", "APPLIED", "true",
            "99999999999999999999", "1e400", "654224", "６５４２２４", "' or 1=1 --", "<script>alert(1)</script>", "%",
            "长".repeat(300), "a\u0000b", "\u001b[31m", "x\u202ey", "\ud800", "..", " ", "");

    /**
     * No GET answers 5xx for anything put into its path or query; a refusal is a problem detail (a 400 naming the
     * parameter). Called by the county office of Toli, an official with a region, and anonymously for public pages.
     */
    @Property(tries = 60, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void noPathOrQueryGivesA5xx(@ForAll("reads") Read read, @ForAll long seed) {
        Random random = new Random(seed);
        String path = read.pattern();
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(path);
        StringBuilder built = new StringBuilder();
        while (variable.find()) {
            String value = READ_VALUES.get(random.nextInt(READ_VALUES.size()));
            variable.appendReplacement(built, java.util.regex.Matcher.quoteReplacement(
                    value.isEmpty() ? "x" : percentEncoded(value)));
        }
        variable.appendTail(built);
        StringBuilder query = new StringBuilder();
        for (String parameter : read.parameters()) {
            if (random.nextInt(3) > 0) {
                String value = READ_VALUES.get(random.nextInt(READ_VALUES.size()));
                query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=').append(percentEncoded(value));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL));
        TestRestTemplate client = path.startsWith("/public/") ? rest : rest.withBasicAuth("county.654224", "demo");
        java.net.URI uri = java.net.URI.create(rest.getRootUri() + built + query);
        ResponseEntity<byte[]> response = client.exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        String what = "GET " + uri + " answered " + response.getStatusCode() + " " + (response.getBody() == null ? ""
                : abbreviate(new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8)));
        // a 503 with Retry-After is the print slots taken (documented), not a failure of the input
        assertThat(response.getStatusCode().is5xxServerError()
                && !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).as(what).isFalse();
        if (containerRefuses(built.toString())) {
            // Tomcat refuses a path with NUL, an encoded slash or malformed UTF-8 before any filter of ours runs
            assertThat(response.getStatusCode().value()).as(what).isEqualTo(400);
        } else if (response.getStatusCode().is4xxClientError()) {
            assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType()))
                    .as(what).isTrue();
        }
    }

    static ResponseEntity<String> send(Endpoint endpoint, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (endpoint.kind() == Kind.QUERY) {
            StringBuilder query = new StringBuilder();
            read(body).properties().forEach(e -> query.append(query.isEmpty() ? "?" : "&").append(e.getKey()).append('=')
                    .append(percentEncoded(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())));
            return client(endpoint, path).exchange(java.net.URI.create(rest.getRootUri() + path + query),
                    HttpMethod.valueOf(endpoint.method()), new HttpEntity<>(headers), String.class);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client(endpoint, path).exchange(path, HttpMethod.valueOf(endpoint.method()),
                new HttpEntity<>(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class);
    }

    /** A path the servlet container answers itself with its own 400 page (docs/security.md, "Input contract"). */
    static boolean containerRefuses(String path) {
        String upper = path.toUpperCase(java.util.Locale.ROOT);
        return upper.contains("%00") || upper.contains("%2F") || upper.contains("%5C") || upper.matches(".*%ED%[AB].*");
    }

    /** Percent-encoded UTF-8; an unpaired surrogate as the three bytes a careless encoder makes of it. */
    static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            byte[] bytes;
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes = value.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The caller: {@code clerk.}/{@code village.} endpoints take the village of the path. */
    static TestRestTemplate client(Endpoint endpoint, String path) {
        if (endpoint.user() == null) {
            return rest;
        }
        String user = endpoint.user().endsWith(".") ? endpoint.user() + path.split("/")[3] : endpoint.user();
        return rest.withBasicAuth(user, BodyEndpoints.ADMIN.equals(user) ? "test-admin-password" : "demo");
    }

    /** Rows of every table and the value of every sequence: what "changes nothing" compares. */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'", String.class);
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        jdbc.query("select sequence_name, base_value from information_schema.sequences where sequence_schema = 'PUBLIC'",
                row -> {
                    counts.put("sequence " + row.getString(1), row.getLong(2));
                });
        jdbc.query("select county_code, project_year, last_no from project_counter", row -> {
            counts.put("project number " + row.getString(1) + "/" + row.getInt(2), row.getLong(3));
        });
        return counts;
    }

    private static JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
