package io.baton.connectors.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server on loopback that greets, accepts the sender and answers every recipient with one
 * fixed reply, such as {@code 550 5.1.1 mailbox unavailable}: GreenMail accepts every recipient.
 */
final class RefusingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;

  RefusingSmtpServer(String recipientReply) throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(recipientReply), "refusing-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve(String recipientReply) {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          PrintWriter out =
              new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
        out.print("220 refusing.test ESMTP\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.toUpperCase();
          String reply =
              command.startsWith("EHLO") || command.startsWith("HELO")
                  ? "250 refusing.test"
                  : command.startsWith("MAIL FROM")
                      ? "250 2.1.0 ok"
                      : command.startsWith("RCPT TO")
                          ? recipientReply
                          : command.startsWith("QUIT") ? "221 2.0.0 bye" : "250 ok";
          out.print(reply + "\r\n");
          out.flush();
          if (command.startsWith("QUIT")) {
            break;
          }
        }
      } catch (IOException e) {
        // closed, or the client went away: wait for the next one
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
