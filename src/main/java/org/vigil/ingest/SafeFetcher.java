package org.vigil.ingest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.vigil.core.Checks;
import org.vigil.core.ErrorCode;
import org.vigil.core.VigilException;

/**
 * Fetches http and https URLs without letting them reach the machine's own network: each host is
 * resolved, every address checked, and the connection pinned to the checked addresses, so DNS
 * rebinding cannot swap them; redirects are followed by hand and checked the same way.
 *
 * <p>Besides the policy's connect and read timeouts, a whole fetch (all redirects and the body)
 * must finish within {@code connectTimeout + 4 × readTimeout}, so a server that drips bytes just
 * faster than the read timeout cannot hold a fetch forever.
 */
public final class SafeFetcher implements AutoCloseable {
  static final String USER_AGENT = "Vigil/0.1 (+capture for documentation)";
  private static final int BUFFER = 16 * 1024;

  private final FetchPolicy policy;
  private final Predicate<InetAddress> forbidden;
  private final Duration totalDeadline;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines;

  public SafeFetcher(FetchPolicy policy) {
    this(
        policy,
        Checks.notNull(policy, "policy").allowPrivateNetwork()
            ? address -> false
            : AddressRules::isForbidden,
        policy.connectTimeout().plus(policy.readTimeout().multipliedBy(4)));
  }

  /** For tests: which addresses are forbidden, and the whole-fetch deadline. */
  SafeFetcher(FetchPolicy policy, Predicate<InetAddress> forbidden, Duration totalDeadline) {
    this.policy = Checks.notNull(policy, "policy");
    this.forbidden = Checks.notNull(forbidden, "forbidden");
    this.totalDeadline = Checks.notNull(totalDeadline, "totalDeadline");
    Timeout connect = Timeout.of(policy.connectTimeout());
    Timeout read = Timeout.of(policy.readTimeout());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new VettingResolver())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(connect)
                            .setSocketTimeout(read)
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(connect)
                    .setResponseTimeout(read)
                    .build())
            // Each hop must be vetted, bodies must be decoded under our bound, and one capture
            // must not carry cookies into another: so all of this is done by hand or not at all.
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setUserAgent(USER_AGENT)
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-fetch-deadline");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Fetches {@code uri} with GET, following up to {@code maxRedirects} redirects.
   *
   * @throws VigilException {@code blocked_scheme}, {@code blocked_address}, {@code
   *     unresolvable_host}, {@code fetch_timeout}, {@code too_large}, {@code http_error} (status ≥
   *     400), {@code too_many_redirects}, {@code fetch_failed}; {@code invalid_input} for a URL
   *     without a host or with credentials in it
   */
  public FetchedResource fetch(URI uri) {
    Checks.notNull(uri, "uri");
    long deadline = System.nanoTime() + totalDeadline.toNanos();
    List<URI> redirects = new ArrayList<>();
    URI current = uri;
    while (true) {
      URI target = vetUri(current);
      resolveAndVet(bareHost(target)); // refuse before any connection is attempted
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw timeout(current, null);
      }
      HttpGet get = new HttpGet(target);
      // we decode these ourselves, bounded; anything else would reach us undecodable
      get.setHeader("Accept-Encoding", "gzip, deflate");
      AtomicBoolean expired = new AtomicBoolean();
      ScheduledFuture<?> cancel =
          deadlines.schedule(
              () -> {
                expired.set(true);
                get.cancel();
              },
              remaining,
              TimeUnit.NANOSECONDS);
      try (ClassicHttpResponse response = client.executeOpen(null, get, null)) {
        int status = response.getCode();
        Optional<String> location = header(response, "Location");
        if (isRedirect(status) && location.isPresent()) {
          redirects.add(current);
          if (redirects.size() > policy.maxRedirects()) {
            throw VigilException.item(
                ErrorCode.TOO_MANY_REDIRECTS,
                "more than " + policy.maxRedirects() + " redirects fetching " + uri);
          }
          current = resolveLocation(current, location.get());
          continue;
        }
        if (status >= 400) {
          throw VigilException.item(
              ErrorCode.HTTP_ERROR, "HTTP status " + status + " fetching " + current);
        }
        byte[] body = readBody(response, current);
        return new FetchedResource(
            uri,
            current,
            status,
            headers(response),
            header(response, "Content-Type").orElse(null),
            body,
            Instant.now(),
            List.copyOf(redirects));
      } catch (VigilException e) {
        throw e;
      } catch (BlockedAddress e) {
        throw e.failure;
      } catch (IOException | RuntimeException e) {
        throw translate(current, e, expired.get());
      } finally {
        cancel.cancel(false);
      }
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    try {
      client.close();
    } catch (IOException e) {
      // nothing left to release that matters
    }
  }

  /**
   * Checks scheme, credentials and host presence, and rewrites numeric IPv4 spellings ({@code
   * 0x7f.1}, {@code 2130706433}) to dotted quads, so the address checked is the one connected to.
   * {@link URI} does not even see a host in some of those spellings, so the authority is read here.
   */
  private static URI vetUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw VigilException.item(
          ErrorCode.BLOCKED_SCHEME, "only http and https may be fetched, not: " + uri);
    }
    String authority = uri.getRawAuthority();
    if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
      // credentials in a URL end up in logs and captures; a capture never needs them
      throw VigilException.invalid("uri", "must not contain credentials");
    }
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null && authority != null && !authority.startsWith("[")) {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      try {
        port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw VigilException.invalid("uri", "has an invalid port: " + uri);
      }
    }
    if (host == null || host.isEmpty()) {
      throw VigilException.invalid("uri", "has no host: " + uri);
    }
    Optional<InetAddress> numeric = AddressRules.parseNumericIpv4(host);
    if (numeric.isEmpty()) {
      if (uri.getHost() == null) {
        throw VigilException.invalid("uri", "has no valid host: " + uri);
      }
      return uri;
    }
    try {
      return new URI(
          scheme,
          null,
          numeric.get().getHostAddress(),
          port,
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (URISyntaxException e) {
      throw VigilException.invalid("uri", "cannot be normalised: " + uri);
    }
  }

  private static String bareHost(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /**
   * Resolves {@code host} and checks every address. Used both before a request and by the client's
   * own resolver, whose answer is the one connected to.
   */
  private InetAddress[] resolveAndVet(String host) {
    InetAddress[] addresses;
    Optional<InetAddress> numeric = AddressRules.parseNumericIpv4(host);
    if (numeric.isPresent()) {
      addresses = new InetAddress[] {numeric.get()};
    } else {
      try {
        addresses = InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw VigilException.item(ErrorCode.UNRESOLVABLE_HOST, "cannot resolve host " + host, e);
      }
    }
    for (InetAddress address : addresses) {
      if (forbidden.test(address)) {
        throw VigilException.item(
            ErrorCode.BLOCKED_ADDRESS,
            "host "
                + host
                + " resolves to "
                + address.getHostAddress()
                + ", which is not on the public internet");
      }
    }
    return addresses;
  }

  /** Carries a refusal out of the HTTP client, which only lets resolvers throw this type. */
  private static final class BlockedAddress extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    final transient VigilException failure;

    BlockedAddress(VigilException failure) {
      super(failure.getMessage());
      this.failure = failure;
    }
  }

  private final class VettingResolver implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      String bare =
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      try {
        return resolveAndVet(bare);
      } catch (VigilException e) {
        if (e.code() == ErrorCode.UNRESOLVABLE_HOST) {
          throw new UnknownHostException(host);
        }
        throw new BlockedAddress(e);
      }
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      List<InetSocketAddress> result = new ArrayList<>();
      for (InetAddress address : resolve(host)) {
        result.add(new InetSocketAddress(address, port));
      }
      return result;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host; // never needed for our requests; avoids a reverse lookup
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI resolveLocation(URI base, String location) {
    try {
      return base.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw VigilException.item(
          ErrorCode.FETCH_FAILED, "invalid redirect location from " + base + ": " + location, e);
    }
  }

  private byte[] readBody(ClassicHttpResponse response, URI uri) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new byte[0];
    }
    long max = policy.maxBytes();
    long declared = entity.getContentLength();
    if (declared > max) {
      throw tooLarge(uri, "declares " + declared + " bytes");
    }
    try (InputStream raw = entity.getContent()) {
      if (raw == null) {
        return new byte[0];
      }
      InputStream in = new BoundedInputStream(raw, max, uri);
      List<String> encodings = contentEncodings(response);
      // decode in reverse order of application; the decoded size is bounded below, which is
      // what defeats compression bombs
      for (int i = encodings.size() - 1; i >= 0; i--) {
        in = decoder(encodings.get(i), in, uri);
      }
      return readBounded(in, max, uri);
    }
  }

  private static List<String> contentEncodings(ClassicHttpResponse response) {
    List<String> encodings = new ArrayList<>();
    for (Header header : response.getHeaders("Content-Encoding")) {
      for (String part : header.getValue().split(",")) {
        String encoding = part.trim().toLowerCase(Locale.ROOT);
        if (!encoding.isEmpty() && !encoding.equals("identity")) {
          encodings.add(encoding);
        }
      }
    }
    return encodings;
  }

  private static InputStream decoder(String encoding, InputStream in, URI uri) throws IOException {
    switch (encoding) {
      case "gzip":
      case "x-gzip":
        return new GZIPInputStream(in, BUFFER);
      case "deflate":
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        int b0 = pushback.read();
        int b1 = b0 == -1 ? -1 : pushback.read();
        if (b1 != -1) {
          pushback.unread(b1);
        }
        if (b0 != -1) {
          pushback.unread(b0);
        }
        boolean zlib = b1 != -1 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(pushback, new Inflater(!zlib), BUFFER);
      default:
        throw VigilException.item(
            ErrorCode.FETCH_FAILED, "unsupported content encoding " + encoding + " from " + uri);
    }
  }

  private static byte[] readBounded(InputStream in, long max, URI uri) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > max) {
        throw tooLarge(uri, "decoded body exceeds " + max + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Counts the bytes as served (before decoding) against the same limit. */
  private static final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final URI uri;
    private long count;

    BoundedInputStream(InputStream in, long max, URI uri) {
      super(in);
      this.max = max;
      this.uri = uri;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > max) {
        throw tooLarge(uri, "body exceeds " + max + " bytes");
      }
    }
  }

  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers
          .computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(header.getValue());
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  private static Optional<String> header(ClassicHttpResponse response, String name) {
    Header header = response.getFirstHeader(name);
    return header == null ? Optional.empty() : Optional.of(header.getValue());
  }

  private static VigilException tooLarge(URI uri, String detail) {
    return VigilException.item(ErrorCode.TOO_LARGE, uri + " is too large: " + detail);
  }

  private VigilException timeout(URI uri, @Nullable Exception cause) {
    String message = "timed out fetching " + uri;
    return cause == null
        ? VigilException.item(ErrorCode.FETCH_TIMEOUT, message)
        : VigilException.item(ErrorCode.FETCH_TIMEOUT, message, cause);
  }

  private VigilException translate(URI uri, Exception e, boolean expired) {
    if (expired) {
      return timeout(uri, e);
    }
    if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException) {
      return timeout(uri, e);
    }
    if (e instanceof UnknownHostException) {
      return VigilException.item(ErrorCode.UNRESOLVABLE_HOST, "cannot resolve host of " + uri, e);
    }
    if (e instanceof InterruptedIOException) {
      return timeout(uri, e);
    }
    return VigilException.item(
        ErrorCode.FETCH_FAILED, "fetching " + uri + " failed: " + e.getMessage(), e);
  }
}
