/** Its own chunk: only a page that meets this misconfiguration downloads the text. */
let warned = false;

/** PyJWT 2.10+ refuses a token whose `sub` is a number, as the tutorial's backend makes them. */
export function warnAboutNumericSubject(): void {
  if (warned) return;
  warned = true;
  console.warn(
    'Gatehouse: the API answered 422 "Subject must be a string". The backend creates tokens with ' +
      'a number as identity (create_access_token(identity=user.id)), which PyJWT 2.10 and later ' +
      'reject. Use create_access_token(identity=str(user.id)) and User.query.get(int(get_jwt_identity())).',
  );
}
