// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The text-kind patterns and domain extraction, run in DuckDB as the tests run them. */
class TextKindsTest {

  private Db db;

  @BeforeEach
  void open() {
    db = Db.open();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private boolean matches(FeatureType kind, String value) {
    return db.queryOne("SELECT " + TextKinds.matches(kind, Sql.str(value)), rs -> rs.getBoolean(1));
  }

  private String domain(FeatureType kind, String value) {
    return db.queryOne("SELECT " + TextKinds.domain(kind, Sql.str(value)), rs -> rs.getString(1));
  }

  @Test
  void emails() {
    for (String ok :
        List.of(
            "a@b.co",
            "first.last+tag@example.com",
            "o'brien@mail.example.org",
            "x_y-z@sub-domain.example.co.uk",
            "UPPER@EXAMPLE.COM")) {
      assertThat(matches(FeatureType.EMAIL, ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "plain",
            "a@b",
            "a@b.c", // one-letter top-level domain
            "a@b.123",
            ".a@b.com",
            "a..b@c.com",
            "a b@c.com",
            "a@@b.com",
            "\"quoted\"@b.com",
            "a@-b.com",
            "a@b.com ",
            "münchen@b.de",
            "")) {
      assertThat(matches(FeatureType.EMAIL, bad)).as(bad).isFalse();
    }
  }

  @Test
  void urls() {
    for (String ok :
        List.of(
            "http://example.com",
            "https://www.example.com/a/b?c=d#e",
            "HTTPS://WWW.EXAMPLE.COM",
            "ftp://user:pw@files.example.org:21/x",
            "http://localhost:8080/",
            "http://192.168.0.1/index.html",
            "s3+https://bucket.example.com/key")) {
      assertThat(matches(FeatureType.URL, ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "www.example.com",
            "example.com/path",
            "http://",
            "http://exa mple.com",
            "http://example.com/a b",
            "mailto:a@b.com",
            "http://bucket/key",
            "1http://example.com")) {
      assertThat(matches(FeatureType.URL, bad)).as(bad).isFalse();
    }
  }

  @Test
  void domains() {
    for (String ok : List.of("example.com", "a-b.co.uk", "x1.example.io", "EXAMPLE.COM")) {
      assertThat(matches(FeatureType.DOMAIN, ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "localhost",
            "example",
            "-a.com",
            "a-.com",
            "a..com",
            "example.c",
            "example.123",
            "1.2.3.4",
            "ex ample.com",
            "http://example.com",
            "a@example.com",
            "3.14")) {
      assertThat(matches(FeatureType.DOMAIN, bad)).as(bad).isFalse();
    }
  }

  @Test
  void theDomainOfAValueIsLowerCasedAndNullWhenMalformed() {
    assertThat(domain(FeatureType.EMAIL, "Ann@Mail.Example.COM")).isEqualTo("mail.example.com");
    assertThat(domain(FeatureType.URL, "https://user@WWW.Example.com:8443/x?y"))
        .isEqualTo("www.example.com");
    assertThat(domain(FeatureType.URL, "http://10.0.0.1/")).isEqualTo("10.0.0.1");
    assertThat(domain(FeatureType.DOMAIN, "Example.COM")).isEqualTo("example.com");
    assertThat(domain(FeatureType.EMAIL, "nope")).isNull();
    assertThat(domain(FeatureType.URL, "www.example.com")).isNull();
  }
}
