package io.baton.security.edge;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body a filter has read and that the application can still read after it. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

  /** The most a body read here may hold, whatever the path; the REST APIs have lower limits. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  private final byte[] body;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** The request with a body already read, for example up to a size limit. */
  static CachedBodyRequest of(HttpServletRequest request, byte[] body) {
    return new CachedBodyRequest(request, body);
  }

  /** The request itself when its body was read already, else the request with its body read. */
  public static CachedBodyRequest of(HttpServletRequest request) throws IOException {
    if (request instanceof CachedBodyRequest cached) {
      return cached;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new IOException("the request body is larger than %d bytes".formatted(MAX_BODY));
    }
    return new CachedBodyRequest(request, body);
  }

  public byte[] body() {
    return body;
  }

  public Charset charset() {
    String encoding = getCharacterEncoding();
    return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already read");
      }
    };
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
  }
}
