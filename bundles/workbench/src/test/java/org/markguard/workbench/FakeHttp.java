package org.markguard.workbench;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A request and a response with just what the servlet uses, built on dynamic proxies. */
final class FakeHttp {
    private FakeHttp() {
    }

    /** servletPath and pathInfo as the container would split them for the matching pattern. */
    static HttpServletRequest request(String method, String servletPath, String pathInfo, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "";
                    case "getHeader" -> headers.get((String) args[0]);
                    case "toString" -> method + " " + servletPath + pathInfo;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A recorded answer. */
    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        String contentType;

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the servlet writes blocking");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader" -> headers.put(((String) args[0]).toLowerCase(java.util.Locale.ROOT), (String) args[1]);
                            case "setContentType" -> {
                                contentType = (String) args[0];
                                headers.put("content-type", contentType);
                            }
                            case "setContentLength" -> headers.put("content-length", String.valueOf(args[0]));
                            case "getOutputStream" -> {
                                return out;
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }
}
