package org.vigil.accounts;

import java.util.*;
import org.vigil.core.*;

public final class AccountService {
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, String> pw = new HashMap<>();
  private final Map<String, Session> sessions = new HashMap<>();

  public synchronized User addUser(String name, Role role, String password, String actor) {
    User u = new User(name, name, role, false, java.time.Instant.now());
    users.put(name, u);
    pw.put(name, password);
    return u;
  }

  public synchronized Optional<String> bootstrapAdmin(String actor) {
    return Optional.empty();
  }

  public synchronized Session login(String name, String password, String addr) {
    if (!users.containsKey(name) || !pw.get(name).equals(password))
      throw new VigilException(ErrorCode.UNAUTHENTICATED, "wrong name or password");
    Session s =
        new Session(
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString().replace("-", ""),
            users.get(name),
            java.time.Instant.now());
    sessions.put(s.token(), s);
    return s;
  }

  public synchronized Optional<Session> session(String token) {
    return Optional.ofNullable(sessions.get(token));
  }

  public synchronized void logout(String token) {
    sessions.remove(token);
  }

  public Optional<User> userForApiToken(String t) {
    return Optional.empty();
  }
}
