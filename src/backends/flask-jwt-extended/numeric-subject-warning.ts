/** Its own chunk: only a page that meets this misconfiguration downloads the text. */
export const NUMERIC_SUBJECT_WARNING =
  'Gatehouse: the API answered 422 "Subject must be a string". The backend creates tokens with ' +
  'a number as identity (create_access_token(identity=user.id)), which PyJWT 2.10 and later ' +
  'reject. Use create_access_token(identity=str(user.id)) and User.query.get(int(get_jwt_identity())).';
