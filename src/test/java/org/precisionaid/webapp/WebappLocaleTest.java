package org.precisionaid.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.precisionaid.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Our Chinese of the Camunda webapps stays in step with the Camunda version in use: the zh.json each app serves
 * has exactly the keys of that version's English file (read from the camunda-webapp-webjar on the classpath),
 * a Chinese text wherever the English has a text, the same placeholders and markup, and each app's config.js
 * offers zh and en. After a Camunda upgrade this test names the keys to translate (docs/i18n/README.md).
 */
@IntegrationTest
class WebappLocaleTest {

    private static final String WEBJAR_APPS = "META-INF/resources/webjars/camunda/app/";
    /** {{ expression }}, %s/%d, {count}, HTML markup, entities such as &lt; (not "<Operation>", which is text) */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{[^}]*}}|%[sd]|\\{[A-Za-z]+}|</?(?:a|b|br|code|em|i|li|p|small|span|strong|ul)\\b[^>]*>|&[a-z]+;");
    /** English plural ending appended to a count ("instance" + "s"); Chinese has none, so its text is blank */
    private static final String PLURAL_ENDING = "s";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theServedChineseHasExactlyTheKeysOfTheEnglishOfThisCamundaVersion(String app) throws IOException {
        JsonNode english = englishOfTheWebjar(app).get("labels");
        JsonNode chinese = served("/camunda/app/" + app + "/locales/zh.json").get("labels");

        Set<String> missing = names(english);
        missing.removeAll(names(chinese));
        Set<String> extra = names(chinese);
        extra.removeAll(names(english));
        assertSoftly(softly -> {
            softly.assertThat(missing).as("keys of Camunda's English %s without our Chinese", app).isEmpty();
            softly.assertThat(extra).as("keys of our Chinese %s that Camunda's English does not have", app).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyTextIsTranslatedAndKeepsItsPlaceholders(String app) throws IOException {
        JsonNode english = englishOfTheWebjar(app).get("labels");
        JsonNode chinese = served("/camunda/app/" + app + "/locales/zh.json").get("labels");

        Map<String, String> untranslated = new TreeMap<>();
        Map<String, String> placeholders = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String en = entry.getValue().asText();
            JsonNode zh = chinese.get(entry.getKey());
            if (zh == null) {
                continue;   // reported by the key test
            }
            // Camunda leaves one text empty on purpose (Tasklist's NO_TASK_FORM): we leave it empty too
            if (!en.isBlank() && zh.asText().isBlank() && !en.equals(PLURAL_ENDING)) {
                untranslated.put(entry.getKey(), en);
            }
            if (en.equals(PLURAL_ENDING) && !zh.asText().isBlank()) {
                untranslated.put(entry.getKey(), "plural ending \"s\" must stay blank in Chinese, is " + zh);
            }
            if (!placeholdersOf(en).equals(placeholdersOf(zh.asText()))) {
                placeholders.put(entry.getKey(), placeholdersOf(en) + " became " + placeholdersOf(zh.asText()));
            }
        }
        assertThat(untranslated).as("empty Chinese texts in %s", app).isEmpty();
        assertThat(placeholders).as("placeholders or markup changed in %s", app).isEmpty();
        assertThat(chinese.get(app.equals("welcome") ? "PAGE_LOGIN_PASSWORD" : "PAGE_LOGIN_SIGN_IN_ACTION")
                .asText()).as("a label the login page shows").containsPattern(HAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void datesAreWrittenInChinese(String app) throws IOException {
        // welcome's English file has no dateLocales; the other three share one
        JsonNode english = englishOfTheWebjar("tasklist").get("dateLocales");
        JsonNode chinese = served("/camunda/app/" + app + "/locales/zh.json").get("dateLocales");

        assertThat(chinese).as("dateLocales of %s", app).isNotNull();
        assertThat(names(chinese)).isEqualTo(names(english));
        for (String block : names(english)) {
            assertThat(names(chinese.get(block))).as(block).isEqualTo(names(english.get(block)));
            assertThat(chinese.get(block).size()).as(block).isEqualTo(english.get(block).size());
        }
        assertThat(chinese.get("months").get(0).asText()).isEqualTo("一月");
        assertThat(chinese.get("weekdays").get(1).asText()).isEqualTo("星期一");
        assertThat(chinese.get("longDateFormat").get("LL").asText()).isEqualTo("YYYY年M月D日");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersChineseAndEnglishUnderOurName(String app) {
        ResponseEntity<byte[]> response = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String config = new String(response.getBody(), StandardCharsets.UTF_8);

        Matcher available = Pattern.compile("availableLocales:\\s*\\[([^\\]]*)]").matcher(config);
        assertThat(available.find()).as("config.js of %s sets locales.availableLocales", app).isTrue();
        assertThat(quoted(available.group(1))).containsExactly("zh", "en");
        assertThat(config).contains("vendor: '精准扶贫'").contains("name: 'Precision Aid'");
    }

    private JsonNode englishOfTheWebjar(String app) throws IOException {
        // the English of the Camunda version on the classpath, never a copy of ours
        for (URL url : Collections.list(getClass().getClassLoader().getResources(WEBJAR_APPS + app + "/locales/en.json"))) {
            if (url.toString().contains("camunda-webapp-webjar")) {
                try (InputStream in = url.openStream()) {
                    return parse(in.readAllBytes());
                }
            }
        }
        throw new AssertionError("no English locale of " + app + " in camunda-webapp-webjar on the classpath");
    }

    private JsonNode served(String path) throws IOException {
        ResponseEntity<byte[]> response = rest.getForEntity(path, byte[].class);
        assertThat(response.getStatusCode()).as("GET %s", path).isEqualTo(HttpStatus.OK);
        return parse(response.getBody());
    }

    private JsonNode parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);   // cockpit's English has a BOM
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> placeholdersOf(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        Collections.sort(found);
        return found;
    }

    private static List<String> quoted(String list) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(list);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
